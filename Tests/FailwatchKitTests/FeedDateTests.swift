// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation
import Testing

@Test func readsRFC3339() {
    #expect(FeedDate.parse("2004-01-05T21:49:13Z") == Date(timeIntervalSince1970: 1_073_339_353))
}
