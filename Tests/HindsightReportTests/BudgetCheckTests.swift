import HindsightReport
import HindsightScenario
import HindsightSim
import XCTest

/// The budget rules of `hindsight check`, on hand-computed summaries: an absolute
/// increase for the SLO fraction, a percent increase for cost and emissions; exactly at
/// the limit passes, just over fails.
final class BudgetCheckTests: XCTestCase {
    private func summary(slo: Double = 0, cost: Double = 0, kg: Double = 0) -> RunSummary {
        var s = RunSummary()
        s.sloViolationFraction = slo; s.costUSD = cost; s.emissionsKgCO2e = kg
        return s
    }

    private func budgets(slo: Double? = nil, cost: Double? = nil, kg: Double? = nil) -> BudgetsSpec {
        var b = BudgetsSpec()
        b.sloViolationFractionMaxIncrease = slo; b.costMaxIncreasePercent = cost; b.emissionsMaxIncreasePercent = kg
        return b
    }

    func testSLOBudgetIsAnAbsoluteIncrease() {
        // 0.375 − 0.25 = 0.125 exactly (binary fractions), the allowed increase.
        let atLimit = BudgetCheck.evaluate(budgets(slo: 0.125), baseline: summary(slo: 0.25), candidate: summary(slo: 0.375))
        XCTAssertEqual(atLimit.map(\.name), ["sloViolationFraction"])
        XCTAssertEqual(atLimit[0].increase, 0.125)
        XCTAssertTrue(atLimit[0].passed, "an increase equal to the budget holds")
        let over = BudgetCheck.evaluate(budgets(slo: 0.125), baseline: summary(slo: 0.25), candidate: summary(slo: 0.375.nextUp))
        XCTAssertFalse(over[0].passed, "the smallest increase over the budget breaks it")
        // Not relative: from 0.5 to 0.625 is +25 % but +0.125 absolute, within the budget.
        XCTAssertTrue(BudgetCheck.evaluate(budgets(slo: 0.125), baseline: summary(slo: 0.5), candidate: summary(slo: 0.625))[0].passed)
    }

    func testCostAndEmissionsBudgetsArePercentOfTheBaseline() {
        // Cost 200 → 204 is +2 %; emissions 50 → 52.5 is +5 %.
        let atLimit = BudgetCheck.evaluate(budgets(cost: 2, kg: 5), baseline: summary(cost: 200, kg: 50),
                                           candidate: summary(cost: 204, kg: 52.5))
        XCTAssertEqual(atLimit.map(\.name), ["costUSD", "emissionsKg"])
        XCTAssertEqual(atLimit.map(\.increase), [2, 5])
        XCTAssertEqual(atLimit.map(\.passed), [true, true])
        // 200 → 204.02 is +2.01 %; 50 → 52.51 is +5.02 %.
        let over = BudgetCheck.evaluate(budgets(cost: 2, kg: 5), baseline: summary(cost: 200, kg: 50),
                                        candidate: summary(cost: 204.02, kg: 52.51))
        XCTAssertEqual(over[0].increase, 2.01, accuracy: 1e-9)
        XCTAssertEqual(over[1].increase, 5.02, accuracy: 1e-9)
        XCTAssertEqual(over.map(\.passed), [false, false])
        // A decrease always holds, even against a budget of 0 %.
        XCTAssertTrue(BudgetCheck.evaluate(budgets(cost: 0), baseline: summary(cost: 200), candidate: summary(cost: 150))[0].passed)
    }

    func testZeroBaseline() {
        XCTAssertEqual(BudgetCheck.percentIncrease(0, 0), 0)
        XCTAssertEqual(BudgetCheck.percentIncrease(0, 1), .infinity)
        let checks = BudgetCheck.evaluate(budgets(cost: 1000), baseline: summary(cost: 0), candidate: summary(cost: 0.01))
        XCTAssertFalse(checks[0].passed, "any cost over a zero baseline is an infinite increase")
    }

    func testOnlyTheBudgetsSetAreChecked() {
        XCTAssertEqual(BudgetCheck.evaluate(BudgetsSpec(), baseline: summary(), candidate: summary()), [])
        XCTAssertEqual(BudgetCheck.evaluate(budgets(kg: 1), baseline: summary(), candidate: summary()).map(\.name), ["emissionsKg"])
    }

    func testMessage() {
        let check = BudgetCheck.evaluate(budgets(cost: 2), baseline: summary(cost: 200), candidate: summary(cost: 204.02))[0]
        XCTAssertEqual(check.message, "costUSD: baseline 200, candidate 204.02: increase 2.01 % exceeds the budget of 2 %")
        let slo = BudgetCheck.evaluate(budgets(slo: 0.125), baseline: summary(slo: 0.25), candidate: summary(slo: 0.375))[0]
        XCTAssertEqual(slo.message, "sloViolationFraction: baseline 0.25, candidate 0.375: increase 0.125 within the budget of 0.125")
    }
}
