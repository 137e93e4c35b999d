// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// One alert for one sink in the outbox: written with its incident change, sent until delivered.
public struct OutboxEntry: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Not delivered yet; tried again at ``OutboxEntry/nextAttemptAt``.
        case pending
        case delivered
        /// Given up: not taken within `alerts: give_up_after`, or the sink is no longer configured.
        case failed
        /// Waiting for a silence or maintenance window of its provider to end (``AlertHold``).
        case held
        /// Never sent: held, and no longer news when the silence ended (``HeldRelease``).
        case suppressed
    }

    public var id: Int64?
    public var sinkName: String
    public var message: AlertMessage
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var status: Status
    public var lastError: String?
    public var deliveredAt: Date?
    /// The platform's id of the posted message (Discord), to edit it with later updates.
    public var platformMessageID: String?
    /// Why it is (or was) held: the silence or maintenance window.
    public var heldReason: String?

    public init(
        id: Int64? = nil, sinkName: String, message: AlertMessage, createdAt: Date, attempts: Int = 0,
        nextAttemptAt: Date, status: Status = .pending, lastError: String? = nil, deliveredAt: Date? = nil,
        platformMessageID: String? = nil, heldReason: String? = nil
    ) {
        self.id = id
        self.sinkName = sinkName
        self.message = message
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.status = status
        self.lastError = lastError
        self.deliveredAt = deliveredAt
        self.platformMessageID = platformMessageID
        self.heldReason = heldReason
    }

    /// Sent once per sink: the message's `<incident>-<update>` key.
    public var idempotencyKey: String { message.idempotencyKey }
}
