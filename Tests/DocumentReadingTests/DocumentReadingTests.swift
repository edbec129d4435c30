import Testing
@testable import DocumentReading
