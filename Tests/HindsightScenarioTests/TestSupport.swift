import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// Policies of `text` (a policy file), or the messages of its problems.
func loadPolicies(_ text: String, file: String = "p.yaml") -> (policies: [PolicySpec], errors: [String]) {
    let context = YAMLDecodingContext()
    let policies = PolicyLoader.load(bytes: Array(text.utf8), display: file, namedAt: nil, context: context)
    return (policies, ScenarioError.ordered(context.errors).map(\.description))
}

/// The messages of the `InputErrors` that `body` throws; [] when it does not throw.
func inputErrorMessages(_ body: () throws -> Void) -> [String] {
    do { try body() } catch let e as InputErrors { return e.errors.map(\.description) } catch { return ["unexpected: \(error)"] }
    return []
}

extension XCTestCase {
    /// Asserts exactly one problem, starting with `prefix` (file:line:col: …) and containing `fragment`.
    func assertOneProblem(_ errors: [String], _ prefix: String, _ fragment: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(errors.count, 1, "\(errors)", file: file, line: line)
        guard let first = errors.first else { return }
        XCTAssertTrue(first.hasPrefix(prefix), "\(first) does not start with \(prefix)", file: file, line: line)
        XCTAssertTrue(fragment.isEmpty || first.contains(fragment), "\(first) lacks \(fragment)", file: file, line: line)
        XCTAssertTrue(first.contains("; expected "), "\(first) does not say what is expected", file: file, line: line)
    }
}
