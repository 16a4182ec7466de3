import HindsightTestSupport
import Foundation
import XCTest

/// `validate SCENARIO` reads the trace's header and reports every series a policy needs
/// that the trace lacks, each at its place, without running anything.
final class ValidateTraceHeaderTests: XCTestCase {
    func testEveryMissingSeriesIsReported() throws {
        let dir = try TempDir()
        try "timestamp,rps,cpu\n0,1,0.1\n15,2,0.2\n".write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
        try """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so}
            spec:
              scaleTargetRef: {name: web}
              triggers:
                - type: kafka
                  metadata: {topic: events}
                - type: rabbitmq
                  name: backlog
                  metadata: {queueName: orders}
                - type: memory
                  metricType: Utilization
                  metadata: {value: "70"}

            """.write(to: dir.url.appendingPathComponent("so.yaml"), atomically: true, encoding: .utf8)
        try """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: s}
            spec:
              trace:
                file: trace.csv
                step: 15s
                columns:
                  kafka/events: lag
                  backlog: depth
              workload: {name: deployment/web, cpuRequest: 500m, memoryRequest: 1Gi, podCapacity: 100}
              policies:
                - file: so.yaml

            """.write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "scenario.yaml"], in: dir.url)
        XCTAssertEqual(result.status, 2)
        // The columns name `lag` and `depth`, which the header (timestamp,rps,cpu) lacks; memory_bytes too.
        XCTAssertTrue(result.stderr.contains("so.yaml:7:13: policy 'so' reads series 'kafka/events', which the trace's header does not have"), result.stderr)
        XCTAssertTrue(result.stderr.contains("so.yaml:10:13: policy 'so' reads series 'backlog'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("so.yaml:3:18: policy 'so' scales on memory, but the trace's header has no memory column"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.contains("error") || $0.contains(".yaml:") }.count, 3, result.stderr)
    }
}
