// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What the store keeps per source: its health and cursor, the posts a run brought in, and the
/// official statements of status pages.
///
/// One of the small protocols a run sees the store through (``PollStore``), so that a second
/// store (PostgreSQL, for several pollers sharing one database) is a new conformance, not a
/// change to the run. ``AppDatabase`` (SQLite) is the shipped one.
public protocol SourceStore: Sendable {
    /// Every known source's state, by name.
    func sourceStates() throws(StoreError) -> [String: SourceState]
    /// Stores what one source brought in one transaction: its posts (deduplicated), statements
    /// and new state. Returns the report with what was new.
    func record(_ report: SourceReport, runID: Int64, at now: Date) throws(StoreError) -> SourceReport
    /// A provider's official statements that were current at some time between `from` and `to`.
    func statements(providerID: String, from: Date, to: Date) throws(StoreError) -> [OfficialStatement]
    /// When the provider first spoke officially after `after`, if it did.
    func firstOfficialWord(providerID: String, after: Date) throws(StoreError) -> Date?
    /// The statements each of these status page sources currently shows.
    func currentStatements(sourceNames: [String]) throws(StoreError) -> [String: [OfficialStatement]]
    /// The newest official word of these sources (a status page incident created, an official
    /// post published) at or before `now`; never a document's `updatedAt`.
    func latestOfficialWord(sourceNames: [String], notAfter now: Date) throws(StoreError) -> OfficialStatement?
}
