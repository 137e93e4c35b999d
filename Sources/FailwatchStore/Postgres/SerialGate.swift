// SPDX-License-Identifier: Apache-2.0

/// Lets one task at a time through, in arrival order: the PostgreSQL store has one connection,
/// and a transaction's statements must not interleave with another caller's.
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
