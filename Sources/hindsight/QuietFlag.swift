import ArgumentParser

/// `--quiet`, shared by the commands that print a report after writing their files
/// (`run`, `sweep`, `tune`, `merge`): one help text.
struct QuietFlag: ParsableArguments {
    @Flag(help: "Print nothing on success.")
    var quiet = false
}
