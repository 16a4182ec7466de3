import XCTest
import HindsightTrace
@testable import HindsightScenario

final class YAMLDocumentTests: XCTestCase {
    private func parse(_ text: String) throws -> [YAMLNode] {
        try YAMLDocument.parse(bytes: Array(text.utf8), file: "t.yaml")
    }

    /// The messages of the errors `body` throws (empty when it does not throw).
    private func messages(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let e as InputErrors { return e.errors.map(\.description) } catch { return ["\(error)"] }
        return []
    }

    func testLinesColumnsAndByteRanges() throws {
        let text = "a: é\nb:  \"x y\"\nc:\n  - 1\n  - two\n"
        let bytes = Array(text.utf8)
        let docs = try parse(text)
        XCTAssertEqual(docs.count, 1)
        let b = try XCTUnwrap(docs[0]["b"])
        XCTAssertEqual(b.location, SourceLocation(file: "t.yaml", line: 2, column: 5))
        let s = try XCTUnwrap(b.scalar)
        XCTAssertEqual(s.text, "x y")
        XCTAssertEqual(s.style, .doubleQuoted)
        // "a: é\n" is 6 bytes (é is 2), "b:  " is 4 more: the quote starts at byte 10.
        XCTAssertEqual(s.byteRange, 10..<15)
        XCTAssertEqual(String(decoding: bytes[s.byteRange], as: UTF8.self), "\"x y\"")
        let two = try XCTUnwrap(docs[0]["c"]?.sequence?[1])
        XCTAssertEqual(two.location.line, 5)
        XCTAssertEqual(two.location.column, 5)
        XCTAssertEqual(two.scalar?.style, .plain)
        XCTAssertEqual(String(decoding: bytes[try XCTUnwrap(two.scalar).byteRange], as: UTF8.self), "two")
        let e = try XCTUnwrap(docs[0]["a"]?.scalar)
        XCTAssertEqual(String(decoding: bytes[e.byteRange], as: UTF8.self), "é")
    }

    func testMultipleDocuments() throws {
        let docs = try parse("a: 1\n---\nb: 2\n---\n")
        XCTAssertEqual(docs.count, 3)
        XCTAssertEqual(docs[1]["b"]?.scalar?.text, "2")
        XCTAssertTrue(docs[2].isNull)
        XCTAssertEqual(try parse("").count, 0)
        XCTAssertEqual(try parse("# only a comment\n").count, 0)
    }

    func testDuplicateKeysAreEachReported() {
        let m = messages { _ = try parse("a: 1\nb: 2\na: 3\nb: 4\n") }
        XCTAssertEqual(m.count, 2)
        XCTAssertTrue(m[0].hasPrefix("t.yaml:3:1: duplicate key 'a' (first at line 1, column 1)"), m[0])
        XCTAssertTrue(m[1].hasPrefix("t.yaml:4:1: duplicate key 'b'"), m[1])
    }

    func testAliasesExpand() throws {
        let docs = try parse("base: &b {x: 1}\nother: *b\n")
        XCTAssertEqual(docs[0]["other"]?["x"]?.scalar?.text, "1")
    }

    func testBillionLaughsFailsWithTheLimitMessage() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let m = messages { _ = try parse(text) }
        XCTAssertEqual(m.count, 1)
        // Sizes: a0 = 10 nodes, a(i) = 1 + 9·a(i−1): a3 = 7 381, a4 = 66 430. The aliases of
        // a1…a4 stand for 9·(10 + 91 + 820 + 7 381) = 74 718 nodes; the first *a4 of a5
        // (line 6, column 10) adds 66 430 and passes 100 000.
        XCTAssertTrue(m.first?.contains("aliases expand this document by more than 100000 nodes") ?? false, "\(m)")
        XCTAssertTrue(m.first?.hasPrefix("t.yaml:6:10:") ?? false, "\(m)")
    }

    func testSyntaxErrorTabsGarbageUndefinedAlias() {
        let syntax = messages { _ = try parse("a: [1, 2\nb: 3\n") }
        XCTAssertEqual(syntax.count, 1)
        XCTAssertTrue(syntax[0].contains("YAML syntax error"), syntax[0])
        XCTAssertTrue(syntax[0].hasPrefix("t.yaml:2:2:"), syntax[0])

        let tab = messages { _ = try parse("a:\n\tb: 1\n") }
        XCTAssertEqual(tab, ["t.yaml:2:1: a tab character in the indentation; expected spaces for indentation (YAML forbids tabs there)"])

        let garbage = messages { _ = try YAMLDocument.parse(bytes: [0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x00, 0x01], file: "g.bin") }
        XCTAssertEqual(garbage.count, 1)
        XCTAssertTrue(garbage[0].hasPrefix("g.bin:1:4: not readable as text"), garbage[0])

        let alias = messages { _ = try parse("a: *nope\n") }
        XCTAssertEqual(alias.count, 1)
        XCTAssertTrue(alias[0].hasPrefix("t.yaml:1:4: alias *nope names no anchor"), alias[0])
    }

    func testDeepNestingIsRejected() {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let m = messages { _ = try parse(text) }
        XCTAssertEqual(m.count, 1)
        XCTAssertTrue(m[0].hasPrefix("t.yaml:1:201: nesting deeper than 200 levels"), m[0])
    }
}

extension YAMLDocumentTests {
    func testMergeKeys() throws {
        let docs = try YAMLDocument.parse(bytes: Array("""
            base: &b {window: 300, policy: Max}
            extra: &e {period: 15, policy: Min}
            down:
              <<: [*b, *e]
              window: 60
            """.utf8), file: "m.yaml")
        let down = try XCTUnwrap(docs.first?["down"]?.mapping)
        // Own keys first, then merged ones it lacks; the earlier merged mapping wins (policy: Max).
        XCTAssertEqual(down.map { $0.key.scalar?.text ?? "" }, ["window", "policy", "period"])
        XCTAssertEqual(down.map { $0.value.scalar?.text ?? "" }, ["60", "Max", "15"])
    }

    func testMergeOfAScalarIsAnError() {
        let m = messages { _ = try parse("a:\n  <<: 3\n") }
        XCTAssertEqual(m.count, 1)
        XCTAssertTrue(m.first?.hasPrefix("t.yaml:2:7: found '3' as the value of a << merge key") ?? false, "\(m)")
    }
}
