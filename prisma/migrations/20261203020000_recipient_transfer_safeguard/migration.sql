-- Issue #14 §10: the Art. 15(2) text names the safeguard of each transfer a recipient receives, as the
-- inventory records it per recipient (null: not recorded yet, and the data package says so).
ALTER TABLE "data_recipient" ADD COLUMN     "transfer_country" VARCHAR(100),
ADD COLUMN     "transfer_safeguard" "TransferSafeguard";
