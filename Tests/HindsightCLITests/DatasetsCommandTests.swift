import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight datasets` and, once it is built, `hindsight import` into the SQLite store.
final class DatasetsCommandTests: XCTestCase {
    func testMissingStoreSaysNoDatasetsAndExitsZero() throws {
        let dir = try TempDir()
        let db = dir.path("none.sqlite")
        let result = try CLI.run(["datasets", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("No datasets yet"), result.stdout)
        XCTAssertTrue(result.stdout.contains(db), result.stdout)
        XCTAssertTrue(result.stdout.contains("hindsight import"), result.stdout)
        // Listing does not create the store.
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
    }

    func testFileThatIsNotAStoreIsBadInput() throws {
        let dir = try TempDir()
        let db = try dir.write("garbage.sqlite", "this is not sqlite\n")
        let result = try CLI.run(["datasets", "--db", db])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains(db), result.stderr)
    }

    /// generate → import → datasets lists it → a scenario with `dataset:` runs and gives
    /// the same series as the same scenario reading the CSV.
    func testImportThenListThenRunFromTheStore() throws {
        let help = try CLI.run(["import", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("--name"), "'hindsight import --help' lacks --name")
        let fixture = try RunFixture()
        let db = fixture.dir.path("store.sqlite")
        let imported = try CLI.run(["import", fixture.tracePath, "--name", "web-q", "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let listed = try CLI.run(["datasets", "--db", db])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(imported.stdout.contains("\(RunFixture.steps) rows"), imported.stdout)
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, listed.stdout)
        let cells = lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(cells.first, ["NAME", "START", "END", "STEP", "ROWS", "COLUMNS"])
        // 1,440 samples every 15 s from 2026-01-01T00:00:00Z: the last at 05:59:45.
        let row = cells.last ?? []
        XCTAssertEqual(Array(row.prefix(5)), ["web-q", "2026-01-01T00:00:00Z", "2026-01-01T05:59:45Z", "15s",
                                              String(RunFixture.steps)], listed.stdout)
        XCTAssertEqual(Set((row.last ?? "").split(separator: ",").map(String.init)),
                       ["rps", "cpu", "replicas", "latency_p99_ms"], listed.stdout)

        let fromStore = RunFixture.scenario(name: "stored", trace: "dataset: web-q\n    db: store.sqlite",
                                            policies: ["- observed", "- file: hpa.yaml"])
        let scenario = try fixture.dir.write("stored.yaml", fromStore)
        let (stored, storedOut) = try fixture.run("from-store", ["--quiet"], scenario: scenario)
        XCTAssertEqual(stored.status, 0, stored.stderr)
        let (direct, directOut) = try fixture.run("from-csv", ["--quiet", "--policy", "observed", "--policy", "web-hpa"])
        XCTAssertEqual(direct.status, 0, direct.stderr)
        for file in ["timeseries-observed.csv", "timeseries-web-hpa.csv", "decisions-web-hpa.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: storedOut + "/" + file)),
                           try Data(contentsOf: URL(fileURLWithPath: directOut + "/" + file)),
                           "\(file): the store and the CSV give different runs")
        }
    }

    func testUnknownDatasetIsBadInput() throws {
        let help = try CLI.run(["import", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("--name"), "'hindsight import --help' lacks --name")
        let fixture = try RunFixture()
        let db = fixture.dir.path("store.sqlite")
        let imported = try CLI.run(["import", fixture.tracePath, "--name", "web-q", "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let text = RunFixture.scenario(name: "lost", trace: "dataset: web-r\n    db: store.sqlite", policies: ["- observed"])
        let scenario = try fixture.dir.write("lost.yaml", text)
        let (result, out) = try fixture.run("lost", [], scenario: scenario)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("web-r"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// Without --db, import and a scenario's `dataset:` both use datasets/hindsight.sqlite
    /// under the working directory; a second import of the name needs --replace; a bad file
    /// leaves the store as it was.
    func testDefaultStoreReplaceAndFailedImport() throws {
        let help = try CLI.run(["import", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("--name"), "'hindsight import --help' lacks --name")
        let fixture = try RunFixture()
        let cwd = try TempDir()
        let first = try CLI.run(["import", fixture.tracePath, "--name", "web"], in: cwd.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cwd.path("datasets/hindsight.sqlite")))
        let before = try CLI.run(["datasets"], in: cwd.url)
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("web"), before.stdout)

        let again = try CLI.run(["import", fixture.tracePath, "--name", "web"], in: cwd.url)
        XCTAssertEqual(again.status, 2, again.stderr)
        XCTAssertTrue(again.stderr.contains("web"), again.stderr)
        XCTAssertTrue(again.stderr.contains("--replace"), again.stderr)
        let replaced = try CLI.run(["import", fixture.tracePath, "--name", "web", "--replace"], in: cwd.url)
        XCTAssertEqual(replaced.status, 0, replaced.stderr)

        let bad = "timestamp,rps,cpu\n0,10,0.1\n15,ten,0.1\n"
        let badPath = try cwd.write("bad.csv", bad)
        let failed = try CLI.run(["import", badPath, "--name", "web", "--replace"], in: cwd.url)
        XCTAssertEqual(failed.status, 2, failed.stderr)
        let p = try XCTUnwrap(position(of: "ten", in: bad))
        XCTAssertTrue(failed.stderr.hasPrefix("\(badPath):\(p.line):\(p.column): "), failed.stderr)
        let after = try CLI.run(["datasets"], in: cwd.url)
        XCTAssertEqual(after.stdout, before.stdout, "a failed import changed the store")

        // A scenario without db: reads the store under the working directory.
        let text = RunFixture.scenario(name: "default-db", trace: "dataset: web", policies: ["- observed"])
        let scenario = try fixture.dir.write("default-db.yaml", text)
        let out = cwd.path("out")
        let run = try CLI.run(["run", scenario, "--out", out, "--quiet"], in: cwd.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let (direct, directOut) = try fixture.run("direct", ["--quiet", "--policy", "observed"])
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/timeseries-observed.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: directOut + "/timeseries-observed.csv")))
    }
}
