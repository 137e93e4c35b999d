// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The webhooks of `poll --dry-run`: every alert counts as taken and nothing leaves the machine;
/// the command prints what the in-memory outbox says would have been sent.
public struct DryRunSender: AlertSending {
    public init() {}

    public func send(_ request: WebhookRequest, now: Date) async -> DeliveryResult {
        .delivered(status: 0, messageID: nil)
    }
}
