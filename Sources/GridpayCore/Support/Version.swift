public enum GridpayVersion {
    public static let current = "0.1.0"
}
