import Foundation
import XCTest

/// The required properties and enumerations of the SARIF 2.1.0 JSON schema
/// (sarif-schema-2.1.0.json, OASIS) for the objects hindsight writes, checked by hand:
/// sarifLog {version = "2.1.0", runs}, run {tool}, tool {driver}, toolComponent {name},
/// reportingDescriptor {id}, result {message}, message {text or id}, physicalLocation
/// {artifactLocation or address}, region startLine/startColumn ≥ 1, level ∈ {none, note,
/// warning, error}, ruleIndex an index into driver.rules whose id is the result's ruleId.
enum SARIFSchema {
    static let levels: Set<String> = ["none", "note", "warning", "error"]

    /// - Returns: the results of the (single) run, once every check passed.
    /// - Throws: the first violation.
    static func validate(_ log: [String: Any]) throws -> [[String: Any]] {
        func need(_ ok: Bool, _ what: String) throws { if !ok { throw FixtureError("SARIF: \(what)") } }
        try need(log["version"] as? String == "2.1.0", "sarifLog.version must be \"2.1.0\"")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]], "sarifLog.runs is required")
        try need(runs.count == 1, "one run expected")
        let tool = try XCTUnwrap(runs[0]["tool"] as? [String: Any], "run.tool is required")
        let driver = try XCTUnwrap(tool["driver"] as? [String: Any], "tool.driver is required")
        try need((driver["name"] as? String)?.isEmpty == false, "toolComponent.name is required")
        let rules = driver["rules"] as? [[String: Any]] ?? []
        for rule in rules {
            try need(rule["id"] is String, "reportingDescriptor.id is required")
            if let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String {
                try need(levels.contains(level), "defaultConfiguration.level \(level)")
            }
        }
        let results = runs[0]["results"] as? [[String: Any]] ?? []
        for result in results {
            let message = try XCTUnwrap(result["message"] as? [String: Any], "result.message is required")
            try need(message["text"] is String || message["id"] is String, "message needs text or id")
            if let level = result["level"] as? String { try need(levels.contains(level), "result.level \(level)") }
            if let index = result["ruleIndex"] as? Int {
                try need(index >= 0 && index < rules.count, "ruleIndex \(index) outside driver.rules")
                try need(rules[index]["id"] as? String == result["ruleId"] as? String, "ruleIndex and ruleId disagree")
            }
            for location in result["locations"] as? [[String: Any]] ?? [] {
                let physical = try XCTUnwrap(location["physicalLocation"] as? [String: Any], "physicalLocation expected")
                try need(physical["artifactLocation"] != nil || physical["address"] != nil, "physicalLocation needs artifactLocation or address")
                if let region = physical["region"] as? [String: Any] {
                    try need((region["startLine"] as? Int ?? 1) >= 1, "region.startLine ≥ 1")
                    try need((region["startColumn"] as? Int ?? 1) >= 1, "region.startColumn ≥ 1")
                }
            }
        }
        return results
    }
}
