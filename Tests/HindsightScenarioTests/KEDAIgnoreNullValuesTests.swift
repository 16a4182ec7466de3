import HindsightTestSupport
import XCTest
@testable import HindsightScenario

/// `metadata.ignoreNullValues` on a prometheus trigger (HPA.md Corrections 4): absent is
/// true, Go's ParseBool spellings are read, anything else is an error at its location.
final class KEDAIgnoreNullValuesTests: XCTestCase {
    private func load(_ flag: String?) -> (ignore: Bool?, errors: [String]) {
        let line = flag.map { "\n        ignoreNullValues: \($0)" } ?? ""
        let (policies, errors) = loadPolicies("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so}
            spec:
              scaleTargetRef: {name: web}
              triggers:
                - type: prometheus
                  metadata:
                    query: rps
                    threshold: "100"\(line)
            """)
        guard case .scaledObject(let s)? = policies.first?.kind else { return (nil, errors) }
        return (s.triggers.first?.ignoreNullValues, errors)
    }

    func testAbsentIsTrue() {
        XCTAssertEqual(load(nil).ignore, true)
        XCTAssertEqual(load(nil).errors, [])
    }

    func testQuotedAndBareSpellings() {
        for (text, expected) in [("\"false\"", false), ("false", false), ("\"0\"", false), ("\"F\"", false),
                                 ("\"true\"", true), ("True", true), ("\"1\"", true)] {
            let (ignore, errors) = load(text)
            XCTAssertEqual(errors, [], text)
            XCTAssertEqual(ignore, expected, text)
        }
    }

    func testOtherTextIsAnErrorAtItsLocation() {
        let (ignore, errors) = load("\"no\"")
        XCTAssertNil(ignore)
        assertOneProblem(errors, "p.yaml:11:27:", "spec.triggers[0].metadata.ignoreNullValues: found 'no'")
    }
}
