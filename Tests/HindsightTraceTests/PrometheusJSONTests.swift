import XCTest
@testable import HindsightTrace

final class PrometheusJSONTests: XCTestCase {
    private let answer = """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"__name__":"http_requests","pod":"b"},"values":[[1767225600,"1.5"],[1767225615.25,"2"]]},
          {"metric":{"__name__":"http_requests","pod":"a"},"values":[[1767225615.25,"NaN"],[1767225630,"4e1"]]},
          {"metric":{"__name__":"cpu_seconds"},"values":[[1767225600,"0.5"]]}
        ]}}
        """

    func testSeriesBecomeColumnsOnTheUnionOfTimes() throws {
        let raw = try PrometheusJSON.read(bytes: Array(answer.utf8), file: "q.json", columnName: nil)
        XCTAssertEqual(raw.times, [1_767_225_600_000, 1_767_225_615_250, 1_767_225_630_000])
        XCTAssertEqual(raw.columnNames, ["cpu_seconds", "http_requests{pod=\"a\"}", "http_requests{pod=\"b\"}"])
        let b = try XCTUnwrap(raw.columns["http_requests{pod=\"b\"}"])
        XCTAssertEqual(b[0], 1.5); XCTAssertEqual(b[1], 2); XCTAssertTrue(b[2].isNaN)
        let a = try XCTUnwrap(raw.columns["http_requests{pod=\"a\"}"])
        XCTAssertTrue(a[0].isNaN); XCTAssertTrue(a[1].isNaN); XCTAssertEqual(a[2], 40)
    }

    func testOneSeriesTakesTheGivenName() throws {
        let one = """
            {"resultType":"matrix","result":[{"metric":{},"values":[[10,"3"],[20,"4"]]}]}
            """
        let raw = try PrometheusJSON.read(bytes: Array(one.utf8), file: "q.json", columnName: "rps")
        XCTAssertEqual(raw.columns["rps"], [3, 4])
        XCTAssertEqual(raw.times, [10_000, 20_000])
    }

    func testErrorsNameThePath() {
        let cases: [(String, String)] = [
            (#"{"status":"success","data":{"resultType":"vector","result":[]}}"#, "at data.resultType"),
            (#"{"status":"error","error":"bad query"}"#, "bad query"),
            (#"{"data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"x"]]}]}}"#, "at data.result[0].values[0][1]"),
            (#"{"data":{"resultType":"matrix","result":[{"metric":{},"values":[[1]]}]}}"#, "at data.result[0].values[0]"),
            (#"{"data": [1, 2"#, "not valid JSON"),
        ]
        for (text, fragment) in cases {
            XCTAssertThrowsError(try PrometheusJSON.read(bytes: Array(text.utf8), file: "q.json", columnName: nil)) { error in
                XCTAssertTrue(error is TraceError)
                XCTAssertTrue("\(error)".hasPrefix("q.json"), "\(error)")
                XCTAssertTrue("\(error)".contains(fragment), "\(error) lacks \(fragment)")
            }
        }
    }
}

extension PrometheusJSONTests {
    func testMalformedJSONMessageCarriesTheParserPosition() {
        let text = "{\n  \"data\": {\n    \"resultType\": \"matrix\",\n    \"result\": [1, }\n}"
        XCTAssertThrowsError(try PrometheusJSON.read(bytes: Array(text.utf8), file: "q.json", columnName: nil)) { error in
            // The bad "}" is byte 60: line 4, column 19.
            XCTAssertTrue("\(error)".hasPrefix("q.json:4:19: not valid JSON"), "\(error)")
        }
    }
}
