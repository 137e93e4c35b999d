// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Posts an incident's holding statement through the provider's own Mastodon or Bluesky account.
    struct Announce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Post an incident's suggested first statement through the provider's own Mastodon or Bluesky account.",
            discussion: """
                Without --via, prints the suggested statements (one per language). With --via SOURCE (an \
                official: true mastodon or bluesky source with announce:), posts the statement and records it \
                as the provider's first word, so the next update and the report see it. The token or app \
                password comes from the environment (announce: in feeds.yml names the variable).
                """)

        @OptionGroup var options: StoreOptions

        @Argument(help: "The incident id, as failwatch status lists it.")
        var incident: String

        @Option(help: "The source to post through (the provider's own mastodon or bluesky account).")
        var via: String?

        @Option(help: "The text to post instead of the suggested statement.")
        var text: String?

        @Option(help: "The language of the suggested statement to post (default: the provider's first).")
        var language: String?

        @Option(help: "Act as if the clock read this ISO-8601 instant (replays, tests).")
        var now: String?

        func run() async throws {
            let now = try CommandClock.instant(now)
            let context = try await options.open(lockWait: via == nil ? nil : 30, readOnly: via == nil)
            let announcement = IncidentAnnouncement(config: context.config, store: context.store, now: now)
            do {
                guard let via else {
                    let (_, statements) = try await announcement.suggested(incidentID: incident)
                    for statement in statements { print("\(statement.language): \(statement.text)") }
                    return
                }
                let statement = try await announcement.announce(
                    incidentID: incident, via: via, text: text, language: language)
                Terminal.note(
                    "announce: posted through \(via) at \(FeedDate.iso8601UTC(statement.createdAt ?? now))"
                        + (statement.url.map { ": \($0)" } ?? ""))
            } catch {
                throw Terminal.failure(error.description)
            }
        }
    }
}
