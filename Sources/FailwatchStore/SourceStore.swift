// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What the store keeps per source: its health and cursor, the posts a run brought in, and the
/// official statements of status pages.
///
/// One of the small async protocols every command sees the store through (``FailwatchStore``),
/// so that the PostgreSQL store (several pollers sharing one database) is a second conformance,
/// not a change to the commands. ``AppDatabase`` (SQLite) answers synchronously, which satisfies
/// the async requirements.
public protocol SourceStore: Sendable {
    /// Every known source's state, by name.
    func sourceStates() async throws(StoreError) -> [String: SourceState]
    /// Every stored source with the number of posts stored from it, by name, for `status`.
    func sourceStatuses() async throws(StoreError) -> [SourceState]
    /// Which of `sources` this poller fetches now: the first `limit` due ones nobody else holds,
    /// in the order asked. A store shared by several pollers leases them (``SourceClaim``), so
    /// each is fetched by one; ``record(_:runID:at:)`` ends the lease.
    func claimDueSources(_ sources: [SourceSchedule], now: Date, limit: Int) async throws(StoreError) -> SourceClaim
    /// Stores what one source brought in one transaction: its posts (deduplicated), statements
    /// and new state. Returns the report with what was new.
    @discardableResult
    func record(_ report: SourceReport, runID: Int64, at now: Date) async throws(StoreError) -> SourceReport
    /// Stores one statement the provider made outside a poll (`failwatch announce`), so the next
    /// alert and the report see it as its word.
    func saveStatement(_ statement: OfficialStatement) async throws(StoreError)
    /// A provider's official statements that were current at some time between `from` and `to`.
    func statements(providerID: String, from: Date, to: Date) async throws(StoreError) -> [OfficialStatement]
    /// When the provider first spoke officially after `after`, if it did.
    func firstOfficialWord(providerID: String, after: Date) async throws(StoreError) -> Date?
    /// The statements each of these status page sources currently shows.
    func currentStatements(sourceNames: [String]) async throws(StoreError) -> [String: [OfficialStatement]]
    /// The newest official word of these sources (a status page incident created, an official
    /// post published) at or before `now`; never a document's `updatedAt`.
    func latestOfficialWord(sourceNames: [String], notAfter now: Date) async throws(StoreError) -> OfficialStatement?
}
