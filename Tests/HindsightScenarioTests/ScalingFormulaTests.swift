import XCTest
@testable import HindsightScenario

/// The scalingModifiers formula language: values worked by hand, precedence as `expr`
/// has it, typed errors with the character offset, depth limit.
final class ScalingFormulaTests: XCTestCase {
    func value(_ text: String, _ values: [String: Double] = [:]) throws -> Double {
        try ScalingFormula(text: text).value(values)
    }

    func testArithmeticAndPrecedence() throws {
        XCTAssertEqual(try value("1 + 2 * 3"), 7)
        XCTAssertEqual(try value("(1 + 2) * 3"), 9)
        XCTAssertEqual(try value("2 ** 3 ** 2"), 512)          // right associative: 2^(3^2)
        XCTAssertEqual(try value("-2 ** 2"), -4)               // expr: unary minus below **
        XCTAssertEqual(try value("7 % 4 + 10 / 4"), 5.5)
        XCTAssertEqual(try value("a / b", ["a": 9, "b": 2]), 4.5)
    }

    func testConditionalsComparisonsAndCoalescing() throws {
        XCTAssertEqual(try value("a > 5 ? a : 5", ["a": 3]), 5)
        XCTAssertEqual(try value("a >= 3 && a < 4 ? 1 : 0", ["a": 3]), 1)
        XCTAssertEqual(try value("a == 2 || not (a != 3) ? 10 : 20", ["a": 3]), 10)
        XCTAssertEqual(try value("nil ?? 4"), 4)
        XCTAssertEqual(try value("a ?? 4", ["a": 1]), 1)
        XCTAssertEqual(try value("1 ? 2 : 3 ? 4 : 5".replacingOccurrences(of: "1 ?", with: "true ?")), 2)
    }

    func testFunctions() throws {
        XCTAssertEqual(try value("max(1, 4, 2)"), 4)
        XCTAssertEqual(try value("min([3, 1, 2])"), 1)
        XCTAssertEqual(try value("mean([1, 2, 6])"), 3)
        XCTAssertEqual(try value("median([5, 1, 4, 2])"), 3)
        XCTAssertEqual(try value("ceil(1.2) + floor(1.8) + round(2.5) + abs(-1) + int(-1.7)"), 2 + 1 + 3 + 1 - 1)
    }

    /// The llm-d queue-guard formula (manifest 43), worked by hand for two states.
    func testTheQueueGuardFormula() throws {
        let text = """
            let queue_per_replica = 1; let running_per_replica = 16; let demand = max(queue / queue_per_replica, running / running_per_replica); demand <= replicas ? demand : max(demand - (pending ?? 0), replicas)
            """
        // demand = max(2, 32/16 = 2) = 2 ≤ 4 replicas → 2
        XCTAssertEqual(try value(text, ["queue": 2, "running": 32, "pending": 0, "replicas": 4]), 2)
        // demand = max(10, 1) = 10 > 4 → max(10 − 3, 4) = 7
        XCTAssertEqual(try value(text, ["queue": 10, "running": 16, "pending": 3, "replicas": 4]), 7)
        XCTAssertEqual(try ScalingFormula(text: text).names, ["queue", "running", "replicas", "pending"])
    }

    func testErrorsAreTypedWithTheirOffset() {
        XCTAssertThrowsError(try ScalingFormula(text: "1 + $")) { e in
            XCTAssertEqual((e as? FormulaError)?.kind, .syntax); XCTAssertEqual((e as? FormulaError)?.offset, 5)
        }
        XCTAssertThrowsError(try ScalingFormula(text: "exec(1)")) { e in XCTAssertEqual((e as? FormulaError)?.kind, .syntax) }
        XCTAssertThrowsError(try value("a > 1")) { e in XCTAssertEqual((e as? FormulaError)?.kind, .unknownName) }
        XCTAssertThrowsError(try value("1 > 0", [:])) { e in XCTAssertEqual((e as? FormulaError)?.kind, .type) }
        XCTAssertThrowsError(try value("1 / 0")) { e in XCTAssertEqual((e as? FormulaError)?.kind, .value) }
        XCTAssertThrowsError(try value("true + 1")) { e in XCTAssertEqual((e as? FormulaError)?.kind, .type) }
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        XCTAssertThrowsError(try ScalingFormula(text: deep)) { e in XCTAssertEqual((e as? FormulaError)?.kind, .tooDeep) }
    }
}
