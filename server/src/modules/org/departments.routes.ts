import { notFound } from '../../platform/errors/app-error.ts';
import { Page, pageWindow } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { findDepartment, listDepartments } from './departments.repository.ts';
import { changeDepartment, createDepartment } from './departments.service.ts';
import {
  CreateDepartmentBody,
  Department,
  DepartmentQuery,
  IdParams,
  UpdateDepartmentBody,
} from './org.schemas.ts';

const tags = ['org'];

/** Government departments (政务部门) and public-service enterprises. */
export async function departmentRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/departments',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'List departments',
        querystring: DepartmentQuery,
        response: { 200: Page(Department) },
      },
    },
    async (request) => {
      const window = pageWindow(request.query);
      const result = await listDepartments(db, { ...request.query, ...window });
      return { ...result, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/departments/:id',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: 'One department', params: IdParams, response: { 200: Department } },
    },
    async (request) => {
      const department = await findDepartment(db, request.params.id);
      if (!department) throw notFound('what.department');
      return department;
    },
  );

  app.post(
    '/departments',
    {
      config: { permission: 'org.department.manage' },
      schema: {
        tags,
        summary: 'Register a department',
        body: CreateDepartmentBody,
        response: { 201: Department },
      },
    },
    async (request, reply) => reply.status(201).send(await createDepartment(db, request.ctx, request.body)),
  );

  app.patch(
    '/departments/:id',
    {
      config: { permission: 'org.department.manage' },
      schema: {
        tags,
        summary: 'Change a department',
        params: IdParams,
        body: UpdateDepartmentBody,
        response: { 200: Department },
      },
    },
    async (request) => changeDepartment(db, request.ctx, request.params.id, request.body),
  );
}
