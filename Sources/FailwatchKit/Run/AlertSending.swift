// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Anything that delivers one webhook request: the real ``WebhookSender``, or a stand-in.
public protocol AlertSending: Sendable {
    func send(_ request: WebhookRequest, now: Date) async -> DeliveryResult
}

extension WebhookSender: AlertSending {}
