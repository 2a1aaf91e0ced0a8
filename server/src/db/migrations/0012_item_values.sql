-- The values an information item may take (取值范围 / 代码值), e.g. 男、女 for 性别: loads into the
-- data pools refuse anything else. Empty means any value of the item's type.
ALTER TABLE catalog_items ADD COLUMN allowed_values text[] NOT NULL DEFAULT '{}';
