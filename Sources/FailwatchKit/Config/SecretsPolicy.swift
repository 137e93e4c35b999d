// SPDX-License-Identifier: Apache-2.0

/// Whether a command needs the secrets of sinks, source headers and source tokens (`${VAR}` in them).
///
/// `poll` and `test-alert` fetch and send, so an unset variable is an error before anything
/// runs. `status`, `report`, `explain`, `backtest`, `reclassify` and `check-config` do neither,
/// and run on a machine (or in a shell) that lacks the webhook tokens.
public enum SecretsPolicy: Sendable, Equatable {
    /// Every `${VAR}` must be set.
    case required
    /// A sink, header or source token whose variable is unset is left out and listed in
    /// ``FeedsConfig/unsetSecrets``; every other `${VAR}` must still be set.
    case optional
}
