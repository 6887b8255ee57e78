-- The app now writes search_grams with searchable_text (searchGramsOf in packages/db): computed by the
-- generated column's SQL function it cost ~0.12 ms of Postgres CPU per message insert. Rows keep the
-- grams they have, and message_search_grams stays as the reference the app's function is tested against.
ALTER TABLE "messages" ALTER COLUMN "search_grams" DROP EXPRESSION;

-- AlterTable
ALTER TABLE "messages" ALTER COLUMN "search_grams" SET DEFAULT ARRAY[]::TEXT[];
