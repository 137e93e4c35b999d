// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// "We know, stop paging": holds a provider's alerts for a while, kept in the store with who and why.
    struct Silence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hold a provider's alerts for a while (planned works), or list the silences.",
            discussion: """
                While a silence lasts, incidents are still detected, stored and reported (the weekly report \
                says that they fell into a silence), but their alerts wait in the outbox as held. When it ends \
                and the incident is still open, its opening (and newest update) is sent then; an incident that \
                ended meanwhile is not sent, unless its opening had gone out before the silence, in which case \
                its resolution is. End a silence early with `failwatch unsilence PROVIDER`.
                """
        )

        /// Longest silence one command can set: a forgotten one must not hide outages for months.
        static let longest: TimeInterval = 31 * 86_400

        @OptionGroup var options: StoreOptions

        @Argument(help: "The provider id from feeds.yml (omit with --list).")
        var provider: String?

        @Option(name: .customLong("for"), help: "How long, e.g. 90m, 2h, 1d (at most 31d).")
        var duration: String?

        @Option(help: "Why, shown in status, held alerts and reports.")
        var reason: String?

        @Option(help: "Who sets it (default: the login name).")
        var by: String?

        @Flag(help: "List the silences that are active or still to come.")
        var list = false

        @Option(help: "Act as if the clock read this ISO-8601 instant (replays, tests).")
        var now: String?

        func validate() throws {
            if list {
                guard provider == nil, duration == nil, reason == nil else {
                    throw ValidationError("--list takes no provider, --for or --reason")
                }
                return
            }
            guard provider != nil else { throw ValidationError("give a provider id, or --list") }
            guard let duration else { throw ValidationError("--for is required, e.g. --for 2h") }
            guard let seconds = FailwatchStore.Silence.duration(duration), seconds >= 60, seconds <= Self.longest else {
                throw ValidationError("--for: '\(duration)' is not a duration from 1m to 31d, e.g. 90m, 2h, 1d")
            }
            guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--reason is required, e.g. --reason \"planned works\"")
            }
        }

        func run() throws {
            let now = try CommandClock.instant(now)
            let context = try options.openExisting()
            if list {
                try Self.printList(context.store, now: now)
                return
            }
            guard let provider, let duration, let seconds = FailwatchStore.Silence.duration(duration), let reason else { return }
            try Self.requireProvider(provider, in: context.config)
            let who = Self.person(by)
            do {
                let silence = try context.store.addSilence(
                    FailwatchStore.Silence(
                        providerID: provider, reason: FailwatchStore.Silence.cleaned(reason), createdBy: who, createdAt: now,
                        endsAt: now.addingTimeInterval(seconds)))
                print("\(provider): \(silence.summary)")
            } catch {
                throw Terminal.failure("\(error)")
            }
        }

        /// One line per silence, "PROVIDER  UNTIL  BY  REASON", or "no silences".
        static func printList(_ store: AppDatabase, now: Date) throws {
            let silences: [FailwatchStore.Silence]
            do {
                silences = try store.silences(endingAfter: now)
            } catch {
                throw Terminal.failure(error.description)
            }
            guard !silences.isEmpty else {
                print("no silences")
                return
            }
            var rows = [["PROVIDER", "FROM", "UNTIL", "BY", "REASON"]]
            for silence in silences {
                rows.append([
                    silence.providerID, FeedDate.iso8601UTC(silence.createdAt), FeedDate.iso8601UTC(silence.endsAt),
                    silence.createdBy, silence.reason,
                ])
            }
            print(Status.table(rows))
        }

        /// A provider id of the configuration, or one line naming the ones there are.
        static func requireProvider(_ id: String, in config: FeedsConfig) throws {
            guard !config.providers.contains(where: { $0.id == id }) else { return }
            let ids = config.providers.map(\.id).joined(separator: ", ")
            throw Terminal.failure("no provider '\(FailwatchStore.Silence.cleaned(id))' in the configuration; hint: providers are \(ids)")
        }

        /// `--by`, else the login name from the environment (sudo's caller first), else "unknown".
        static func person(_ given: String?) -> String {
            let environment = ProcessInfo.processInfo.environment
            let name = given ?? environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"]
            return name.map(FailwatchStore.Silence.cleaned).flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        }
    }

    /// Ends a provider's silence early.
    struct Unsilence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a provider's active silences now; held alerts still news are sent by the next poll.")

        @OptionGroup var options: StoreOptions

        @Argument(help: "The provider id from feeds.yml.")
        var provider: String

        @Option(help: "Act as if the clock read this ISO-8601 instant (replays, tests).")
        var now: String?

        func run() throws {
            let now = try CommandClock.instant(now)
            let context = try options.openExisting()
            try Silence.requireProvider(provider, in: context.config)
            do {
                let ended = try context.store.endSilences(provider: provider, at: now)
                print(ended == 0 ? "\(provider): no active silence" : "\(provider): silence ended")
            } catch {
                throw Terminal.failure(error.description)
            }
        }
    }
}
