// SPDX-License-Identifier: Apache-2.0
internal import CCurl
import Foundation

/// A libcurl multi handle driven by one thread that sleeps in `curl_multi_poll` while every
/// transfer waits on the network, so an unanswered request costs no CPU.
///
/// The thread exists only while transfers are running (it ends when the last one does and
/// starts again with the next); the multi handle outlives it and keeps idle keep-alive
/// connections for the next request. Other threads hand work over through `inbox` and wake
/// the poll with `curl_multi_wakeup`, the one multi call libcurl allows from any thread.
final class CurlMulti: @unchecked Sendable {
    private struct Inbox {
        var added: [CurlTransfer] = []
        var threadRunning = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Locked(Inbox())
    /// The transfers on the multi handle, by easy handle; only the thread touches it.
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    /// Connections open to one host at a time, as browsers and URLSession keep it: many
    /// sources on one host queue instead of flooding it (a small server's listen backlog
    /// drops the excess, and each dropped connection waits a second for its retry).
    static let connectionsPerHost = 6

    init() {
        Self.globalInit
        multi = curl_multi_init()
        fw_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, Self.connectionsPerHost)
    }

    deinit {
        curl_multi_cleanup(multi)
    }

    /// libcurl's process-wide setup, once, before the first handle.
    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    /// Starts `transfer`, which later resumes its caller from the thread.
    func add(_ transfer: CurlTransfer) {
        let startThread: Bool? = inbox.withLock { inbox in
            if transfer.cancelRequested { return nil }
            inbox.added.append(transfer)
            defer { inbox.threadRunning = true }
            return !inbox.threadRunning
        }
        switch startThread {
        case nil:
            transfer.finish(.cancelled)
        case true?:
            let thread = Thread { [self] in loop() }
            thread.name = "failwatch.curl"
            thread.start()
        case false?:
            curl_multi_wakeup(multi)
        }
    }

    /// Stops `transfer` at once, or keeps it from starting; its caller gets `.cancelled`.
    func cancel(_ transfer: CurlTransfer) {
        inbox.withLock { _ in transfer.cancelRequested = true }
        curl_multi_wakeup(multi)
    }

    // MARK: - The thread

    private func loop() {
        while true {
            let work: (start: [CurlTransfer], stop: [CurlTransfer], drop: [CurlTransfer])? = inbox.withLock {
                inbox in
                if running.isEmpty && inbox.added.isEmpty {
                    inbox.threadRunning = false
                    return nil
                }
                defer { inbox.added = [] }
                return (
                    inbox.added.filter { !$0.cancelRequested }, running.values.filter(\.cancelRequested),
                    inbox.added.filter(\.cancelRequested)
                )
            }
            guard let work else { return }
            for transfer in work.drop { transfer.finish(.cancelled) }
            for transfer in work.stop { complete(transfer.easy, with: .cancelled) }
            for transfer in work.start {
                curl_multi_add_handle(multi, transfer.easy)
                running[transfer.easy] = transfer
            }
            var stillRunning: Int32 = 0
            curl_multi_perform(multi, &stillRunning)
            collectFinished()
            if running.isEmpty { continue }
            // Sleeps until a socket is ready, libcurl's own timer fires, or `curl_multi_wakeup`.
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = running[easy]
            else { continue }
            complete(easy, with: transfer.outcome(of: message.pointee.data.result))
        }
    }

    private func complete(_ easy: UnsafeMutableRawPointer, with outcome: FetchError?) {
        guard let transfer = running.removeValue(forKey: easy) else { return }
        curl_multi_remove_handle(multi, easy)
        transfer.finish(outcome)
    }
}
