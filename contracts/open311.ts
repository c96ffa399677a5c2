// Open311 GeoReport v2 contract (http://wiki.open311.org/GeoReport_v2): an external standard, so field
// names are the spec's snake_case. JSON is documented here; the `.xml` variant of every route carries the
// same fields as XML (text/xml) with the spec's root elements.
import { z } from 'zod';

export const OPEN311_SPEC = 'http://wiki.open311.org/GeoReport_v2';
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export const Open311Format = z.enum(OPEN311_FORMATS).describe('Response format: json or xml');
export type Open311Format = z.infer<typeof Open311Format>;

/** Statuses of the spec; `closed` = closed, revisited, declined or merged cases. */
export const OPEN311_STATUSES = ['open', 'closed'] as const;

const jurisdiction = z
  .string()
  .max(100)
  .optional()
  .describe('Ignored: this endpoint serves one jurisdiction (Shanghai)');
const locale = z.enum(['zh-CN', 'zh', 'en']).optional().describe('Language of names and messages');

export const Open311Common = z.object({ jurisdiction_id: jurisdiction, locale });

export const FormatParams = z.object({ format: Open311Format });
export const ServiceCodeParams = z.object({ service_code: z.string().min(1).max(60), format: Open311Format });
export const RequestIdParams = z.object({
  service_request_id: z.string().min(1).max(40),
  format: Open311Format,
});
export const TokenParams = z.object({ token: z.string().min(1).max(64), format: Open311Format });

/** One error of the spec; the body is always an array of them (XML: <errors><error>…). */
export const Open311Error = z.object({ code: z.number().int(), description: z.string() });
export const Open311Errors = z.array(Open311Error);
export const open311ErrorResponses = {
  400: Open311Errors.describe('Invalid input (also validation errors and general service errors)'),
  403: Open311Errors.describe('Missing or invalid api_key'),
  404: Open311Errors.describe('Unknown service_code, service_request_id or token'),
} as const;

export const Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});

export const Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string().describe('comma separated'),
  group: z.string(),
});
export type Service = z.infer<typeof Service>;
export const Services = z.array(Service);

export const ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: z.string().nullable(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
});
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

/** A service request as the public sees it: never the reporter's name, phone or e-mail. */
export const ServiceRequest = z.object({
  service_request_id: z.string().describe('the case number'),
  status: z.enum(OPEN311_STATUSES),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string().describe('ISO 8601 with +08:00'),
  updated_datetime: z.string().describe('ISO 8601 with +08:00; the closing time for closed requests'),
  expected_datetime: z.string().nullable().describe('the resolution deadline, ISO 8601 with +08:00'),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;
export const ServiceRequests = z.array(ServiceRequest);

const listParam = (what: string) =>
  z.string().max(20_000).optional().describe(`${what}; comma delimited, may be declared several times`);

export const RequestsQuery = Open311Common.extend({
  service_request_id: listParam('Case numbers (overrides every other argument)'),
  service_code: listParam('Service codes'),
  start_date: z
    .string()
    .max(40)
    .optional()
    .describe('Earliest requested_datetime (w3 format, e.g. 2026-11-01T00:00:00+08:00)'),
  end_date: z
    .string()
    .max(40)
    .optional()
    .describe('Latest requested_datetime; the range spans 90 days at most'),
  status: listParam('open, closed'),
});
export type RequestsQuery = z.infer<typeof RequestsQuery>;

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'phone number');

/**
 * POST body: application/x-www-form-urlencoded as in the spec (JSON also accepted). `attribute[code]=value`
 * pairs arrive as the `attribute` object.
 */
export const CreateRequestBody = z.object({
  api_key: z
    .string()
    .max(200)
    .optional()
    .describe('Required: a key bound to channel open311 (403 without it); also accepted in the query string'),
  jurisdiction_id: jurisdiction,
  service_code: z.string().trim().min(1).max(60),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().trim().min(1).max(200).optional(),
  address_id: z.string().trim().min(1).max(64).optional().describe('compound id or compound code'),
  email: z.email().max(100).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: z.string().trim().max(50).optional(),
  last_name: z.string().trim().max(50).optional(),
  phone: phone.optional(),
  description: z.string().trim().max(4000).optional(),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  attribute: z.record(z.string().max(40), z.string().max(40)).optional().describe('attribute[code]=value'),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const CreatedRequests = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string().nullable(),
    account_id: z.string().nullable(),
  }),
);

export const TokenResponse = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
