import HindsightTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import HindsightReport
import XCTest

final class JUnitReportTests: XCTestCase {
    /// Collects elements, attributes and text with Foundation's XML parser.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text: [String: String] = [:]
        private var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            current = name
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text[current, default: ""] += string
        }
    }

    func testWellFormedWithCountsAndEscapedFailures() throws {
        let message = "cost +12.0 % > 5 % for <hpa> & \"tuned\" 'x'"
        let xml = JUnitReport.render([
            .init(name: "demo <scenario>", cases: [
                .init(name: "slo violation", className: "demo", seconds: 0.25),
                .init(name: "cost", className: "demo", failure: message, details: "baseline 100 & candidate 112"),
            ]),
            .init(name: "other", cases: [.init(name: "emissions", className: "other", details: "ok: -3 %")]),
        ])
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
        let root = try XCTUnwrap(collector.elements.first)
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attributes["tests"], "3")
        XCTAssertEqual(root.attributes["failures"], "1")
        let suites = collector.elements.filter { $0.name == "testsuite" }
        XCTAssertEqual(suites.map { $0.attributes["name"] }, ["demo <scenario>", "other"])
        XCTAssertEqual(suites.map { $0.attributes["tests"] }, ["2", "1"])
        XCTAssertEqual(suites.map { $0.attributes["failures"] }, ["1", "0"])
        let cases = collector.elements.filter { $0.name == "testcase" }
        XCTAssertEqual(cases.map { $0.attributes["name"] }, ["slo violation", "cost", "emissions"])
        XCTAssertEqual(cases[0].attributes["time"], "0.250")
        let failures = collector.elements.filter { $0.name == "failure" }
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(failures[0].attributes["message"], message)
        XCTAssertEqual(collector.text["failure"], "baseline 100 & candidate 112")
        XCTAssertEqual(collector.text["system-out"], "ok: -3 %")
    }

    func testControlCharactersCannotBreakTheDocument() {
        let xml = JUnitReport.render([.init(name: "s", cases: [.init(name: "bell\u{07}", className: "c", failure: "nul\u{0}")])])
        XCTAssertTrue(XMLParser(data: Data(xml.utf8)).parse())
        XCTAssertTrue(XMLParser(data: Data(JUnitReport.render([]).utf8)).parse())
    }

    func testWriteGoesThroughAtomicFile() throws {
        let path = try temporaryFolder() + "/junit.xml"
        try JUnitReport.write([.init(name: "s", cases: [])], to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), JUnitReport.render([.init(name: "s", cases: [])]))
    }
}
