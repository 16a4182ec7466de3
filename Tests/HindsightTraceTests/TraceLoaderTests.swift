import HindsightTestSupport
import XCTest
@testable import HindsightTrace

final class TraceLoaderTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = try temporaryFolder() + "/trace.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testDefaultMappingTakesWhatIsThere() throws {
        let path = try file("timestamp,rps,replicas,other\n0,10,2,x\n15,20,3,y\n30,30,3,z\n")
        var spec = TraceSpec(source: .file(path))
        spec.columns = TraceSpec.defaultColumns
        let trace = try TraceLoader.load(spec)
        XCTAssertEqual(trace.seriesNames, ["replicas", "rps"])
        XCTAssertEqual(trace.series["rps"], [10, 20, 30])
        XCTAssertEqual(trace.step, .seconds(15))
        XCTAssertEqual(trace.source, path)
    }

    func testExplicitMappingToAMissingColumnListsTheHeader() throws {
        let path = try file("time,requests\n0,10\n15,20\n")
        var spec = TraceSpec(source: .file(path))
        spec.timeColumn = "time"
        spec.columns = TraceSpec.defaultColumns
        spec.columns["rps"] = "requests"
        spec.columns["queue"] = "queue_len"
        XCTAssertThrowsError(try TraceLoader.load(spec)) { error in
            XCTAssertEqual("\(error)", "\(path):1:1: spec.trace.columns maps queue to \"queue_len\", which is not in the header; expected one of the columns \"time\", \"requests\"")
        }
        spec.columns["queue"] = nil
        XCTAssertEqual(try TraceLoader.load(spec).series["rps"], [10, 20])
    }

    func testNegativeLoadIsAnErrorButNamedSeriesMayBeNegative() throws {
        let path = try file("timestamp,rps,delta\n0,10,-1\n15,-2,-1\n")
        var spec = TraceSpec(source: .file(path))
        spec.columns = ["rps": "rps", "delta": "delta"]
        XCTAssertThrowsError(try TraceLoader.load(spec)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):3:4: -2 in column \"rps\" is negative"), "\(error)")
        }
        spec.columns = ["delta": "delta"]
        XCTAssertEqual(try TraceLoader.load(spec).series["delta"], [-1, -1])
    }

    func testDatasetGoesThroughTheClosure() throws {
        var spec = TraceSpec(source: .dataset(name: "web", db: "/tmp/x.sqlite"))
        spec.columns = TraceSpec.defaultColumns
        let trace = try TraceLoader.load(spec) { name, db in
            XCTAssertEqual(name, "web"); XCTAssertEqual(db, "/tmp/x.sqlite")
            return RawTrace(times: [0, 60_000], columns: ["cpu": [1, 2]], source: "dataset:web")
        }
        XCTAssertEqual(trace.series["cpu"], [1, 2])
        XCTAssertThrowsError(try TraceLoader.load(spec))
    }

    func testDuplicatesPolicyReachesTheReader() throws {
        let path = try file("timestamp,rps\n0,1\n0,3\n60,5\n")
        var spec = TraceSpec(source: .file(path))
        XCTAssertThrowsError(try TraceLoader.load(spec))
        spec.duplicates = .mean
        XCTAssertEqual(try TraceLoader.load(spec).series["rps"], [2, 5])
    }
}
