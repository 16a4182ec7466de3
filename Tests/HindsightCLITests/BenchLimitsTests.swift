import Foundation
import XCTest

/// `hindsight bench` under the conditions of issue 12: a size that cannot fit in memory is
/// refused before anything runs, and each line reaches a pipe as soon as its case ends.
final class BenchLimitsTests: XCTestCase {
    func testASizeBeyondMemoryIsRefusedWithExitTwo() throws {
        // 10¹² steps × 100 variants: no machine holds that; the estimate alone refuses it.
        let result = try CLI.run(["bench", "--size", "1000000000000", "--only", "sweep_100x30d"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("sweep_100x30d"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--size"), result.stderr)
        XCTAssertTrue(result.stderr.contains("memory"), result.stderr)
        XCTAssertEqual(result.stdout, "", "nothing may run before the refusal")
    }

    /// Issue 12's command exactly as quoted: `sweep_100x30d` at 10 M steps needs about
    /// 110 GB (11,000 bytes per step), so on any machine with less than ~137 GB the whole
    /// command is refused before a case runs, instead of being killed by the kernel.
    func testTheIssuesCommandIsRefusedBeforeAnythingRuns() throws {
        let memory = ProcessInfo.processInfo.physicalMemory
        try XCTSkipIf(Double(memory) * 0.8 > 110e9, "this machine could hold sweep_100x30d at 10 M steps")
        let result = try CLI.run(["bench", "--size", "10000000"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("sweep_100x30d at --size 10000000"), result.stderr)
        XCTAssertTrue(result.stderr.contains("use --size"), result.stderr)
        XCTAssertEqual(result.stdout, "", "nothing may run before the refusal")
    }

    func testAFittingSizeIsNotRefused() throws {
        let result = try CLI.run(["bench", "--size", "1000", "--only", "sum", "--reps", "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\nsum,1000,"), result.stdout)
    }

    func testEachLineReachesAPipeWhenItsCaseEnds() throws {
        let binary = try XCTUnwrap(CLI.binary, "the hindsight binary was not found")
        let process = Process()
        process.executableURL = binary
        // A fast case, then a slow one (100 simulations of 200,000 steps, at least 4 times).
        process.arguments = ["bench", "--only", "sum", "--only", "sweep_100x30d", "--size", "200000", "--reps", "3"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        var received = Data()
        let reader = pipe.fileHandleForReading
        while !String(decoding: received, as: UTF8.self).contains("\nsum,") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // end of file: the process ended without the line
            received.append(chunk)
        }
        let text = String(decoding: received, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("op,n,seconds,throughput\nsum,200000,"), text)
        XCTAssertTrue(process.isRunning, "the sum line arrived only when the process ended: it was not flushed")
    }
}
