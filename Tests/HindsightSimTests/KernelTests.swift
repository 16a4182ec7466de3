import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

final class KernelTests: XCTestCase {
    func testSameInstantOrderThenFIFO() {
        var q = EventQueue()
        q.schedule(.podTerminated(id: 3), at: .epoch + .milliseconds(100))
        q.schedule(.podReady(id: 7), at: .epoch + .milliseconds(100))
        q.schedule(.environment, at: .epoch + .milliseconds(100))
        q.schedule(.podReady(id: 9), at: .epoch + .milliseconds(50))
        var got: [SimEvent] = []
        while let e = q.popNext() { got.append(e.event) }
        // Environment (rank 0) before pod changes (rank 2); equal ranks first-in first-out.
        XCTAssertEqual(got, [.podReady(id: 9), .environment, .podTerminated(id: 3), .podReady(id: 7)])
        XCTAssertLessThan(SimEvent.environment.priority, EventSource.traceSamplePriority)
        XCTAssertLessThan(EventSource.traceSamplePriority, SimEvent.podReady(id: 0).priority)
        XCTAssertLessThan(SimEvent.podTerminated(id: 0).priority, EventSource.timerPriority(0))
        XCTAssertNil(q.peekTime())
    }

    func testParallelRunsEqualSequential() throws {
        let n = 400
        let rps = (0..<n).map { 200 + 150 * sin(Double($0) / 30) }
        let reps = (0..<n).map { Double(3 + ($0 / 40) % 4) }
        let trace = SimFixture.trace(count: n, ["rps": rps, "cpu": rps.map { $0 * 0.004 }, "replicas": reps, "latencyP99": rps.map { $0 / 4 }])
        let sc = SimFixture.scenario(cpuRequest: 0.5, policies: [
            PolicySpec(name: "observed", kind: .observed), PolicySpec(name: "static-3", kind: .fixed(replicas: 3)),
            PolicySpec(name: "static-5", kind: .fixed(replicas: 5)), PolicySpec(name: "static-9", kind: .fixed(replicas: 9)),
        ]) { $0.slo.latencyP99 = 0.2 }
        let a = try SimFixture.run(sc, trace, jobs: 1)
        let b = try SimFixture.run(sc, trace, jobs: 2)
        XCTAssertEqual(a.count, 4)
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x.summary, y.summary)
            XCTAssertEqual(x.series, y.series)
            XCTAssertEqual(x.decisions, y.decisions)
        }
        // Fidelity is the observed run's, for every run.
        XCTAssertNotNil(a[0].summary.latencyMAPE)
        XCTAssertEqual(a[3].summary.latencyMAPE, a[0].summary.latencyMAPE)
    }

    func testUnknownSeriesAndUnsupportedPolicyAreInputErrors() throws {
        let trace = SimFixture.trace(count: 4, ["rps": SimFixture.constant(10, 4)])
        var p = PolicySpec(name: "static-2", kind: .fixed(replicas: 2))
        p.seriesReferences = [SeriesReference(name: "queue_depth", location: SourceLocation(file: "p.yaml", line: 7, column: 9))]
        let sc = SimFixture.scenario(policies: [p]) { $0.workload.podCapacity = 10 }
        XCTAssertThrowsError(try SimFixture.run(sc, trace)) { e in
            XCTAssertTrue(e is any InputError)
            XCTAssertTrue("\(e)".hasPrefix("p.yaml:7:9:"), "\(e)")
            XCTAssertTrue("\(e)".contains("rps"), "lists the available series: \(e)")
        }
        // An exec policy with minReplicas above maxReplicas is refused before any agent starts.
        var spec = ExecSpec(command: ["python3"], directory: "/tmp")
        spec.minReplicas = 5; spec.maxReplicas = 2
        let exec = PolicySpec(name: "agent", kind: .exec(spec), location: SourceLocation(file: "s.yaml", line: 12, column: 7))
        XCTAssertThrowsError(try SimFixture.run(SimFixture.scenario(policies: [exec]) { $0.workload.podCapacity = 10 }, trace, exec: .allowAll)) { e in
            XCTAssertTrue(e is any InputError)
            XCTAssertTrue("\(e)".hasPrefix("s.yaml:12:7:"), "\(e)")
            XCTAssertTrue("\(e)".contains("minReplicas ≤ maxReplicas"), "\(e)")
        }
        // An agent that cannot run fails the run at the policy's place, saying what happened.
        let missing = PolicySpec(name: "agent", kind: .exec(ExecSpec(command: ["/nonexistent/agent"], directory: "/tmp")),
                                 location: SourceLocation(file: "s.yaml", line: 14, column: 7))
        XCTAssertThrowsError(try SimFixture.run(SimFixture.scenario(policies: [missing]) { $0.workload.podCapacity = 10 }, trace, exec: .allowAll)) { e in
            XCTAssertTrue(e is any InputError)
            XCTAssertTrue("\(e)".hasPrefix("s.yaml:14:7:"), "\(e)")
            XCTAssertTrue("\(e)".contains("could not be started"), "\(e)")
        }
        let obs = PolicySpec(name: "observed", kind: .observed)
        XCTAssertThrowsError(try SimFixture.run(SimFixture.scenario(policies: [obs]) { $0.workload.podCapacity = 10 }, trace))
    }

    func testAbsurdReplicaCountsAreInputErrorsNotCrashes() throws {
        let trace = SimFixture.trace(count: 3, ["rps": [10, 10, 10], "replicas": [2, 1e300, 3]])
        let sc = SimFixture.scenario(policies: [PolicySpec(name: "observed", kind: .observed)]) { $0.workload.podCapacity = 10 }
        XCTAssertThrowsError(try SimFixture.run(sc, trace)) { e in
            XCTAssertTrue(e is any InputError)
            XCTAssertTrue("\(e)".contains("replicas"), "\(e)")
        }
        let huge = SimFixture.scenario(policies: [PolicySpec(name: "static-big", kind: .fixed(replicas: 5_000_000))]) { $0.workload.podCapacity = 10 }
        XCTAssertThrowsError(try SimFixture.run(huge, trace))
    }
}
