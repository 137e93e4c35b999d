// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A delegate queue that runs each operation at once, on the thread that adds it, so the
/// fetch delegate sees every decoded chunk while libcurl is still inflating, not later.
///
/// On Linux, FoundationNetworking lets libcurl inflate gzip and hands each 16 KB chunk to the
/// delegate queue with `addOperation`, without waiting. One socket read of a 2 MB gzip bomb
/// inflates to gigabytes, all queued before the delegate's first "over the cap, cancel" can
/// take effect: `poll` peaked at 2.2 GB against a 50 MiB cap. Run inline, the delegate drops
/// every chunk past the cap as it arrives, and memory stays near the cap.
///
/// The delegate never blocks and calls its completion handlers directly (they only schedule
/// work on the task's own queue), so running it on FoundationNetworking's thread is safe.
final class InlineOperationQueue: OperationQueue, @unchecked Sendable {
    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        block()
    }

    override func addOperation(_ operation: Operation) {
        operation.start()
    }

    override func addOperations(_ operations: [Operation], waitUntilFinished wait: Bool) {
        for operation in operations { operation.start() }
    }
}
