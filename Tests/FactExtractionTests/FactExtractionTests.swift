import Testing
@testable import FactExtraction
