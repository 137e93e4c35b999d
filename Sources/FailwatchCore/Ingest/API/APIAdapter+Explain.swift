// SPDX-License-Identifier: Apache-2.0

extension APIAdapter {
    /// Most APIs' statuses speak for themselves.
    public func explain(status: Int) -> String? { nil }
}
