import HindsightTestSupport
import XCTest
import HindsightScenario
import HindsightSim
@testable import HindsightReport

/// A sweep point through the library equals a façade run of the patched policy file.
final class SweepStudyTests: XCTestCase {
    func testPointEqualsAFacadeRunOfThePatchedFile() throws {
        let scenario = try ScenarioLoader.load(path: PackageFolders.path("scenarios/demo.yaml"))
        let study = try SweepStudy(scenario: scenario, holdoutPercent: nil, sample: 2, seed: 5, allowExec: false)
        XCTAssertEqual(study.points.count, 2)
        let rows = try study.run(study.points, jobs: 2)
        let dir = try TempDir()
        for row in rows {
            let patched = try study.target.patched(study.grid.values(at: row.point))
            let file = try dir.write("p\(row.point).yaml", Data(patched))
            let policies = try PolicyLoader.load(path: file, displayPath: "p.yaml")
            let run = try PreparedScenario(scenario: scenario).run(policies).runs[0]
            XCTAssertEqual(row.metrics, SummaryField.fields(of: run).map(\.value.csvText), "point \(row.point)")
            XCTAssertEqual(row.values, study.grid.values(at: row.point).map(\.description))
        }
    }
}
