// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where silences are kept (see ``SourceStore`` on why a protocol).
public protocol SilenceStore: Sendable {
    /// Silences that end after `date`, oldest first: the active ones and those still to come.
    func silences(endingAfter date: Date) async throws(StoreError) -> [Silence]
    /// Stores a new silence; returns it with its id.
    @discardableResult
    func addSilence(_ silence: Silence) async throws(StoreError) -> Silence
    /// Ends the provider's silences that are active at `now`; returns how many.
    func endSilences(provider: String, at now: Date) async throws(StoreError) -> Int
}
