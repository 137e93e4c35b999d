// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where silences are kept (see ``SourceStore`` on why a protocol).
public protocol SilenceStore: Sendable {
    /// Silences that end after `date`, oldest first: the active ones and those still to come.
    func silences(endingAfter date: Date) throws(StoreError) -> [Silence]
}
