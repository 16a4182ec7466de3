import XCTest
@testable import HindsightTrace

/// The real datasets next to the repository (skipped when ../shared is absent), with the
/// quirks their SOURCE.md files list.
final class RealDataTests: XCTestCase {
    /// Rows per NAB file (SOURCE.md table) and the files with repeated timestamps:
    /// file → (line of the first occurrence, line of the repeat, the repeated time) for the earliest one.
    private let nabRows: [String: Int] = [
        "realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv": 4032, "realAWSCloudwatch/ec2_cpu_utilization_53ea38.csv": 4032,
        "realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv": 4032, "realAWSCloudwatch/ec2_cpu_utilization_77c1ca.csv": 4032,
        "realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv": 4032, "realAWSCloudwatch/ec2_cpu_utilization_ac20cd.csv": 4032,
        "realAWSCloudwatch/ec2_cpu_utilization_c6585a.csv": 4032, "realAWSCloudwatch/ec2_cpu_utilization_fe7f93.csv": 4032,
        "realAWSCloudwatch/ec2_disk_write_bytes_1ef3de.csv": 4730, "realAWSCloudwatch/ec2_disk_write_bytes_c0d644.csv": 4032,
        "realAWSCloudwatch/ec2_network_in_257a54.csv": 4032, "realAWSCloudwatch/ec2_network_in_5abac7.csv": 4730,
        "realAWSCloudwatch/elb_request_count_8c0756.csv": 4032, "realAWSCloudwatch/grok_asg_anomaly.csv": 4621,
        "realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv": 1243, "realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv": 4032,
        "realAWSCloudwatch/rds_cpu_utilization_e47b3b.csv": 4032, "realKnownCause/cpu_utilization_asg_misconfiguration.csv": 18050,
        "realKnownCause/ec2_request_latency_system_failure.csv": 4032, "realKnownCause/machine_temperature_system_failure.csv": 22695,
        "realKnownCause/nyc_taxi.csv": 10320, "realKnownCause/rogue_agent_key_hold.csv": 1882,
        "realKnownCause/rogue_agent_key_updown.csv": 5315,
    ]
    private let nabRepeats: [String: (first: Int, repeat: Int, time: String, repeatedRows: Int)] = [
        "realAWSCloudwatch/ec2_disk_write_bytes_1ef3de.csv": (2120, 2121, "2014-03-09T03:00:00Z", 11),
        "realAWSCloudwatch/ec2_network_in_5abac7.csv": (2119, 2120, "2014-03-09T03:00:00Z", 11),
        "realKnownCause/ec2_request_latency_system_failure.csv": (558, 559, "2014-03-09T03:00:00Z", 11),
        "realKnownCause/machine_temperature_system_failure.csv": (10139, 10151, "2014-01-07T02:00:00Z", 12),
    ]

    /// Independent oracle: the file split naively into (time text, value text) per line.
    private func naiveRows(_ path: String) throws -> [(String, String)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst().map { line in
            let parts = line.split(separator: ",")
            return (String(parts[0]), String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
    }

    func testEveryNABFileLoads() throws {
        let root = try sharedDataset("nab/data")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(files.count, 23)
        for file in files {
            let path = root + "/" + file
            guard let rows = nabRows[file] else { XCTFail("unexpected file \(file)"); continue }
            let naive = try naiveRows(path)
            XCTAssertEqual(naive.count, rows, file)
            if let repeats = nabRepeats[file] {
                // Default: an error naming both lines; `last` and `mean` load.
                XCTAssertThrowsError(try TraceCSV.read(path: path, timeColumn: "timestamp")) { error in
                    guard let error = error as? TraceError else { return XCTFail("\(error)") }
                    XCTAssertEqual(error.line, repeats.repeat, file)
                    XCTAssertEqual(error.column, 1, file)
                    XCTAssertTrue(error.message.contains("\(repeats.time) repeats the one on line \(repeats.first)"), "\(error)")
                }
                let last = try TraceCSV.read(path: path, timeColumn: "timestamp", duplicates: .last)
                XCTAssertEqual(last.times.count, rows - repeats.repeatedRows, file)
                let mean = try TraceCSV.read(path: path, timeColumn: "timestamp", duplicates: .mean)
                XCTAssertEqual(mean.times, last.times, file)
                // The repeated time: `last` holds the value of its last row in the file, `mean` the mean of all.
                let repeatedText = repeats.time.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
                let values = naive.filter { $0.0 == repeatedText }.compactMap { Double($0.1) }
                let t = try XCTUnwrap(last.times.firstIndex(of: CivilTimeTestOracle.ms(repeatedText)))
                XCTAssertEqual(last.columns["value"]?[t], values.last, file)
                XCTAssertEqual(mean.columns["value"]?[t] ?? .nan, values.reduce(0, +) / Double(values.count),
                               accuracy: 1e-9 * max(1, abs(values.last ?? 1)), file)
            } else {
                let raw = try TraceCSV.read(path: path, timeColumn: "timestamp")
                XCTAssertEqual(raw.times.count, rows, file)
                // Values equal what Swift's own Double(String) reads, row by row (file order = time order here).
                let expected = naive.compactMap { Double($0.1) }
                XCTAssertEqual(raw.columns["value"]?.map(\.bitPattern), expected.map(\.bitPattern), file)
                XCTAssertEqual(raw.times.first, CivilTimeTestOracle.ms(naive.first?.0 ?? ""), file)
                XCTAssertEqual(raw.times.last, CivilTimeTestOracle.ms(naive.last?.0 ?? ""), file)
                // Resamples on the nominal 300 s (nyc_taxi 1800 s) grid.
                var spec = TraceSpec(source: .file(path))
                spec.columns = ["value": "value"]
                let trace = try Resampler.resample(raw, spec: spec)
                XCTAssertEqual(trace.step, file.contains("nyc_taxi") ? .minutes(30) : .minutes(5), file)
            }
        }
    }

    func testNASAPerMinuteTrace() throws {
        let path = try sharedDataset("nasa-http-1995/derived/nasa_requests_per_minute.csv")
        let raw = try TraceCSV.read(path: path, timeColumn: "timestamp", columns: ["epoch_s", "requests", "in_outage"],
                                    nonNegative: ["requests"])
        XCTAssertEqual(raw.times.count, 84_334)
        // The RFC 3339 column (offset −04:00) agrees with the file's own epoch column everywhere.
        let epoch = try XCTUnwrap(raw.columns["epoch_s"])
        XCTAssertTrue(zip(raw.times, epoch).allSatisfy { $0 == Int64($1) * 1000 })
        XCTAssertEqual(raw.times.first, 804_571_200_000)
        XCTAssertEqual(raw.columns["requests"]?.reduce(0, +), 3_461_610)
        XCTAssertEqual(raw.columns["in_outage"]?.reduce(0, +), 2265)
        // On the grid: one-minute steps, the July 28 → August 1 recording gap is missing.
        var spec = TraceSpec(source: .file(path))
        spec.columns = ["rps": "requests"]
        spec.scale = ["rps": 1.0 / 60]
        let trace = try Resampler.resample(raw, spec: spec)
        XCTAssertEqual(trace.step, .minutes(1))
        let rps = try XCTUnwrap(trace.series["rps"])
        let gapStart = CivilTimeTestOracle.ms("1995-07-29 12:00:00") + 0
        let i = try XCTUnwrap(trace.grid.index(containing: SimInstant(unixMilliseconds: gapStart)))
        XCTAssertTrue(rps[i].isNaN)
        XCTAssertEqual(rps.filter { !$0.isNaN }.count, 84_334)
    }

    func testElectricityMapsExportsLoadAsTheyAre() throws {
        let folder = try sharedDataset("carbon/electricitymaps_hourly")
        // file → (min, mean, max) of the direct intensity from SOURCE.md.
        let stats: [String: (Double, Double, Double)] = [
            "CISO_2022_hourly.csv": (53.1, 194.6, 342.1), "CISO_2023_hourly.csv": (54.9, 193.5, 330.8),
            "DE_2022_hourly.csv": (118.7, 408.4, 671.4), "DE_2023_hourly.csv": (91.8, 329.3, 684.4),
            "ERCOT_2022_hourly.csv": (105.8, 338.2, 518.8), "ERCOT_2023_hourly.csv": (124.0, 316.5, 494.3),
        ]
        for (file, expected) in stats.sorted(by: { $0.key < $1.key }) {
            let series = try TimeSeriesFile.read(path: folder + "/" + file, timeColumn: "Datetime (UTC)",
                                                 valueColumn: "Carbon Intensity gCO₂eq/kWh (direct)")
            XCTAssertEqual(series.values.count, 8760, file)
            XCTAssertEqual(series.values.min() ?? 0, expected.0, accuracy: 0.051, file)
            XCTAssertEqual(series.values.reduce(0, +) / 8760, expected.1, accuracy: 0.051, file)
            XCTAssertEqual(series.values.max() ?? 0, expected.2, accuracy: 0.051, file)
            XCTAssertEqual(series.times.last.map { $0 - (series.times.first ?? .epoch) }, .hours(8759), file)
            // The year starts at 00:00 UTC.
            let year = file.contains("2022") ? "2022" : "2023"
            XCTAssertEqual(series.times.first?.unixMilliseconds, CivilTimeTestOracle.ms("\(year)-01-01 00:00:00"), file)
        }
        // The ASCII spelling finds the same column; LCA is a different one.
        let loose = try TimeSeriesFile.read(path: folder + "/DE_2023_hourly.csv", timeColumn: "Datetime (UTC)",
                                            valueColumn: "Carbon Intensity gCO2eq/kWh (LCA)")
        XCTAssertEqual(loose.values.reduce(0, +) / 8760, 395.1, accuracy: 0.051)
    }

    func testOtherCarbonFormats() throws {
        let pjm = try TimeSeriesFile.read(path: try sharedDataset("carbon/eia930_hourly_2022/PJM_NG_avgCI.csv"),
                                          timeColumn: "timestamp", valueColumn: "avg_CI")
        XCTAssertEqual(pjm.values.count, 8760 - 23)     // blank rows are skipped
        XCTAssertEqual(pjm.times.first?.unixMilliseconds, CivilTimeTestOracle.ms("2022-01-01 00:00:00"))
        let ger = try TimeSeriesFile.read(path: try sharedDataset("carbon/entsoe_2020_subhourly/ger_ci.csv"),
                                          timeColumn: "Time", valueColumn: "Carbon Intensity")
        XCTAssertEqual(ger.values.count, 37_147)
        let moer = try TimeSeriesFile.read(path: try sharedDataset("carbon/watttime_moer_5min/watttime_example.csv"),
                                           timeColumn: "oootime", valueColumn: "Caiso_North")
        XCTAssertEqual(moer.values.count, 8928)
        XCTAssertEqual(moer.values.min() ?? 0, 35.4, accuracy: 0.051)
    }
}

/// Independent conversion of `YYYY-MM-DD HH:MM:SS` (UTC) with Foundation's calendar.
enum CivilTimeTestOracle {
    static func ms(_ text: String) -> Int64 {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        guard let date = formatter.date(from: text) else { return .min }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
