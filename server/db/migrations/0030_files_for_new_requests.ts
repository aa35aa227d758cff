import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * A customer attaches files to a new request before it exists: such a file is stored without a
 * ticket (its uploader is the customer) until the request is sent and takes it. SQLite cannot
 * drop a NOT NULL, so there the table is built again with the same columns, rows and index.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  await dialect.choose({
    sqlite: () => rebuild(db, dialect, false),
    postgres: async () => {
      await sql`alter table attachments alter column ticket_id drop not null`.execute(db);
    },
  })();
}

async function down(db: Kysely<unknown>, dialect: Dialect) {
  await sql`delete from attachments where ticket_id is null`.execute(db);
  await dialect.choose({
    sqlite: () => rebuild(db, dialect, true),
    postgres: async () => {
      await sql`alter table attachments alter column ticket_id set not null`.execute(db);
    },
  })();
}

const COLUMNS = [
  'id',
  'ticket_id',
  'message_id',
  'filename',
  'content_type',
  'size',
  'sha256',
  'storage_key',
  'uploaded_by_user_id',
  'uploaded_by_customer_id',
  'created_at',
];

/** The attachments table of migration 0003, its ticket required or not. */
async function rebuild(db: Kysely<unknown>, dialect: Dialect, ticketRequired: boolean) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('attachments_next'), dialect)
    .addColumn('ticket_id', 'integer', (c) => {
      const column = c.references('tickets.id').onDelete('cascade');
      return ticketRequired ? column.notNull() : column;
    })
    .addColumn('message_id', 'integer', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer')
    .addColumn('uploaded_by_customer_id', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  const columns = sql.raw(COLUMNS.join(', '));
  await sql`insert into attachments_next (${columns}) select ${columns} from attachments`.execute(db);
  await db.schema.dropTable('attachments').execute();
  await db.schema.alterTable('attachments_next').renameTo('attachments').execute();
  await db.schema
    .createIndex('attachments_ticket_idx')
    .on('attachments')
    .columns(['ticket_id', 'message_id'])
    .execute();
}

export const migration0030: Migration = { name: '0030_files_for_new_requests', up, down };
