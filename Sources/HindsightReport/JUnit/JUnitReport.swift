import HindsightTrace

/// JUnit XML for `hindsight check` (the format CI systems read: Jenkins, GitLab,
/// GitHub test reporters): `<testsuites>` → `<testsuite>` → `<testcase>` with a
/// `<failure>` child for each failed case. All text is escaped (`XMLText`), so policy
/// names and messages with `<`, `&` or quotes stay well-formed.
public enum JUnitReport {
    /// One check: a budget of one scenario, say.
    public struct TestCase: Sendable, Equatable {
        /// The case's name, e.g. `cost increase ≤ 5 %`.
        public var name: String
        /// Grouping shown by CI tools, e.g. the scenario name.
        public var className: String
        /// nil when the case passed; else why it failed (a one-line summary).
        public var failure: String?
        /// Longer text for a failure (the numbers compared), or output of a passing case.
        public var details: String?
        /// Seconds the check took (0 when not measured).
        public var seconds: Double

        public init(name: String, className: String, failure: String? = nil, details: String? = nil, seconds: Double = 0) {
            self.name = name; self.className = className; self.failure = failure
            self.details = details; self.seconds = seconds
        }

        /// True when `failure` is nil.
        public var passed: Bool { failure == nil }
    }

    /// A named group of cases (one per scenario, say).
    public struct TestSuite: Sendable, Equatable {
        /// The suite's name (e.g. the scenario).
        public var name: String
        /// The cases, in the order written.
        public var cases: [TestCase]
        public init(name: String, cases: [TestCase]) { self.name = name; self.cases = cases }
    }

    /// The document for `suites`, under a root named `name`.
    ///
    /// ```swift
    /// let xml = JUnitReport.render([.init(name: "demo", cases: [
    ///     .init(name: "cost", className: "demo", failure: "cost +12.0 % > 5 %")])])
    /// ```
    /// - Complexity: O(total text length).
    public static func render(_ suites: [TestSuite], name: String = "hindsight check") -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { !$0.passed }.count }
        let time = suites.reduce(0.0) { $0 + $1.cases.reduce(0.0) { $0 + $1.seconds } }
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<testsuites name=\"\(XMLText.escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" time=\"\(seconds(time))\">\n"
        for suite in suites {
            let suiteFailures = suite.cases.filter { !$0.passed }.count
            let suiteTime = suite.cases.reduce(0.0) { $0 + $1.seconds }
            s += "  <testsuite name=\"\(XMLText.escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\""
            s += " errors=\"0\" skipped=\"0\" time=\"\(seconds(suiteTime))\">\n"
            for c in suite.cases {
                s += "    <testcase name=\"\(XMLText.escape(c.name))\" classname=\"\(XMLText.escape(c.className))\" time=\"\(seconds(c.seconds))\""
                if let failure = c.failure {
                    s += ">\n      <failure message=\"\(XMLText.escape(failure))\" type=\"BudgetExceeded\">"
                    s += XMLText.escape(c.details ?? failure) + "</failure>\n    </testcase>\n"
                } else if let details = c.details {
                    s += ">\n      <system-out>\(XMLText.escape(details))</system-out>\n    </testcase>\n"
                } else {
                    s += "/>\n"
                }
            }
            s += "  </testsuite>\n"
        }
        return s + "</testsuites>\n"
    }

    /// Writes `render(suites, name:)` to `path` atomically.
    /// - Throws: `FileWriteError`.
    public static func write(_ suites: [TestSuite], name: String = "hindsight check", to path: String) throws {
        try AtomicFile.write(render(suites, name: name), to: path)
    }

    /// Seconds with millisecond precision, `0.000` style (what JUnit readers expect).
    static func seconds(_ s: Double) -> String {
        guard s.isFinite, s > 0 else { return "0" }
        return DisplayText.fixed(s, 3).replacingCommas()
    }
}

extension String {
    /// Without thousands separators.
    fileprivate func replacingCommas() -> String { filter { $0 != "," } }
}
