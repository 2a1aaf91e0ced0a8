import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { listClasses } from '../catalog.repository.ts';
import { exportDepartmentList } from './export.ts';
import { importCatalogList } from './import.ts';
import { XLSX_TYPE } from './layout.ts';
import { removeTemporary } from './temp-files.ts';
import { writeCatalogWorkbook } from './template.ts';
import { receiveUpload, Upload } from './upload.ts';
import { checkUploadContent } from '../../../platform/files/content-check.ts';
import './xlsx.messages.ts';

const tags = ['catalog'];

const DepartmentQuery = Type.Object(
  { departmentId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);

const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  resources: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
});

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
function attachment(name: string): string {
  return `attachment; filename="catalog.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function departmentOf(context: RequestContext, departmentId: string | undefined): string {
  const id = departmentId ?? context.actor?.departmentId;
  if (!id) throw new AppError(400, 'catalog.xlsx.department_required');
  return id;
}

/**
 * The catalog list as an Excel workbook: the blank template, a department's list exported in the
 * same layout, and the import of a filled-in workbook (all or nothing).
 */
export async function catalogXlsxRoutes(app: AppInstance) {
  const { database, profile } = app.platform;
  const db = database.db;

  // Scoped to this plugin: only the import route takes workbooks. Some clients label any file
  // application/octet-stream; the file itself is checked either way.
  app.addContentTypeParser(
    [XLSX_TYPE, 'application/octet-stream'],
    (request: FastifyRequest, payload: IncomingMessage) => receiveUpload(request.raw, payload),
  );
  app.addHook('onResponse', async (request) => {
    if (request.body instanceof Upload) await removeTemporary(request.body.file);
  });

  app.get(
    '/catalog/template.xlsx',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'The blank catalog list template (.xlsx): instructions, 资源目录, 信息项, code table',
        produces: [XLSX_TYPE],
      },
    },
    async (_request, reply) => {
      const stream = new PassThrough();
      const classes = await listClasses(db);
      writeCatalogWorkbook(stream, profile, classes).catch((error: Error) => stream.destroy(error));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('政务信息资源目录清单模板.xlsx'))
        .send(stream);
    },
  );

  app.get(
    '/catalog/resources.xlsx',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: "Export a department's catalog list (drafts, else published) in the template's layout",
        querystring: DepartmentQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      const departmentId = departmentOf(request.ctx, request.query.departmentId);
      const exported = await exportDepartmentList(db, request.ctx, profile, departmentId);
      const stream = fs.createReadStream(exported.file);
      stream.on('close', () => void removeTemporary(exported.file));
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`资源目录-${exported.departmentName}-${day}.xlsx`))
        .send(stream);
    },
  );

  app.post(
    '/catalog/resources/import',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: "Import a department's catalog list from the .xlsx template; all rows or none",
        description:
          'Body: the workbook (Content-Type ' +
          XLSX_TYPE +
          '). 400 for a file that is not a usable workbook, 413 over the size limit, 422 listing every ' +
          'bad cell as /<sheet>/<row>/<column header>.',
        querystring: DepartmentQuery,
        consumes: [XLSX_TYPE],
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const upload = request.body;
      if (upload === undefined || upload === null) throw new AppError(400, 'catalog.import.empty_body');
      if (!(upload instanceof Upload))
        throw new AppError(415, 'catalog.import.media_type', { type: XLSX_TYPE });
      try {
        if (upload.size === 0) throw new AppError(400, 'catalog.import.empty_body');
        // A workbook by its bytes (a zip with the workbook parts), whatever the name or type said.
        await checkUploadContent(upload.file, 'xlsx');
        const departmentId = departmentOf(request.ctx, request.query.departmentId);
        return await importCatalogList(db, request.ctx, profile, departmentId, upload.file);
      } finally {
        await removeTemporary(upload.file);
      }
    },
  );
}
