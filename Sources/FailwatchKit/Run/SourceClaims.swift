// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation

/// The sources one poll run fetches, claimed from the store a batch at a time as fetch slots
/// free up, until a claim finds nothing due.
///
/// Claiming in batches rather than all at once lets several pollers on one store share the due
/// sources (the first to claim does not take them all while the others idle), and a poller
/// killed mid-run holds only its batch and what it has in flight until the lease runs out.
struct SourceClaims {
    let store: any SourceStore
    let now: Date
    /// How many sources one claim takes (``batchSize(concurrency:)``).
    let batch: Int
    /// The configured sources this run has not claimed yet, in configuration order.
    private var unclaimed: [SourceConfig]
    /// Claimed and not yet handed out, in the order claimed.
    private var queued: ArraySlice<SourceConfig> = []
    private var drained = false
    /// Each claimed source's state as its claim read it: the state before this run's fetch.
    private(set) var states: [String: SourceState] = [:]
    /// The names of every source claimed so far.
    private(set) var claimed: Set<String> = []

    init(store: any SourceStore, sources: [SourceConfig], now: Date, concurrency: Int) {
        self.store = store
        self.now = now
        self.batch = Self.batchSize(concurrency: concurrency)
        self.unclaimed = sources
    }

    /// Twice the fetch concurrency: the next claim happens when the batch has been handed out,
    /// while up to `concurrency` of its sources are still in flight, so the fetch slots never
    /// wait for a claim; a batch much larger would let one poller hoard sources again.
    static func batchSize(concurrency: Int) -> Int { 2 * max(1, concurrency) }

    /// The next source to fetch and its state, claiming another batch when the last one is
    /// handed out; `nil` once a claim found nothing due (any more).
    mutating func next() async throws(StoreError) -> (source: SourceConfig, state: SourceState?)? {
        if queued.isEmpty && !drained {
            let claim = try await store.claimDueSources(unclaimed.map(\.schedule), now: now, limit: batch)
            let due = Set(claim.due)
            queued = ArraySlice(unclaimed.filter { due.contains($0.name) })
            unclaimed.removeAll { due.contains($0.name) }
            claimed.formUnion(due)
            for name in claim.due { states[name] = claim.states[name] }
            drained = due.isEmpty
        }
        guard let source = queued.popFirst() else { return nil }
        return (source, states[source.name])
    }
}
