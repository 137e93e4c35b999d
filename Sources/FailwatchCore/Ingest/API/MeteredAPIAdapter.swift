// SPDX-License-Identifier: Apache-2.0
import Foundation

/// An API billed per post read (X), whose source carries its own daily budget in its cursor,
/// so a burst cannot spend a month's quota in an afternoon.
///
/// `APIPoll` asks before a run's first request and before each page a run would add after
/// a walk (a hole): once the budget is spent, the source rests until it renews and the
/// posts it could not read wait in the cursor's holes.
public protocol MeteredAPIAdapter: APIAdapter {
    /// When the budget recorded in `cursor` renews; `nil` while posts are left to read.
    func budgetRenews(cursor: String?) -> Date?

    /// The budget in words, for the run summary ("daily budget of 500 posts spent").
    var budgetSpent: String { get }
}
