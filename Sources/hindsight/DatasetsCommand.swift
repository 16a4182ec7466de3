import ArgumentParser
import Foundation
import HindsightTrace

/// `hindsight datasets [--db PATH]`: the traces in the SQLite dataset store, one line each.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the traces in the SQLite dataset store.",
        discussion: """
            Prints one line per dataset: its name (what a scenario's `dataset: NAME` uses), \
            the first and last timestamp (RFC 3339, UTC), the median spacing of its \
            timestamps, its number of rows, and its columns.

            When the store file does not exist yet, says so and how to import a trace, and \
            exits 0. A file that is not a dataset store is bad input (exit 2).
            """
    )

    @Option(help: ArgumentHelp("The dataset store.", valueName: "PATH"))
    var db: String = DatasetStore.defaultPath

    func run() throws {
        do {
            guard FileManager.default.fileExists(atPath: db) else {
                print(Self.noStoreMessage(db))
                return
            }
            let infos = try DatasetStore(path: db, create: false).list()
            print(infos.isEmpty ? Self.emptyMessage(db) : Self.table(infos), terminator: "")
        } catch {
            throw failureExit(for: error)
        }
    }

    /// What `datasets` prints when there is no store file at `path`.
    static func noStoreMessage(_ path: String) -> String {
        "No datasets yet: there is no store at \(path). Import a trace with \(importHint(path))."
    }

    /// What `datasets` prints for a store without datasets.
    static func emptyMessage(_ path: String) -> String {
        "No datasets yet in \(path). Import a trace with \(importHint(path)).\n"
    }

    /// The import command line for the store at `path`, in backquotes.
    static func importHint(_ path: String) -> String {
        "`hindsight import FILE --name NAME" + (path == DatasetStore.defaultPath ? "`" : " --db \(path)`")
    }

    /// The listing: a header and one line per dataset, columns padded to line up, each line
    /// ending in a newline. A missing start, end or step prints as `-`.
    static func table(_ infos: [DatasetInfo]) -> String {
        let header = ["NAME", "START", "END", "STEP", "ROWS", "COLUMNS"]
        let lines = infos.map { info in
            [
                info.name,
                info.startMs.map(StoreTimestamp.format) ?? "-",
                info.endMs.map(StoreTimestamp.format) ?? "-",
                info.stepMs.map(StoreTimestamp.duration) ?? "-",
                String(info.rows),
                info.columns.joined(separator: ","),
            ]
        }
        var widths = header.map(\.count)
        for line in lines {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var text = ""
        for line in [header] + lines {
            var cells: [String] = []
            for (index, cell) in line.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index == 4 {
                    cells.append(padding + cell)  // rows: right-aligned
                } else {
                    cells.append(index == line.count - 1 ? cell : cell + padding)
                }
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        return text
    }
}
