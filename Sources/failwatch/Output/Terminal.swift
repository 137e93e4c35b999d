// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

/// Where the command line writes for people: stderr, one line per message.
enum Terminal {
    /// A problem the user should read: `failwatch: <message>`.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("failwatch: " + message + "\n").utf8))
    }

    /// Progress or a summary, which cron mails only when asked.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A run that could not run: prints one line and gives the exit status 1, never a stack trace.
    static func failure(_ message: String) -> ExitCode {
        error(message)
        return .failure
    }
}

