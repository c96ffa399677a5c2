// Property-service industry routes (物业服务行业): thin — each hands the actor and the validated input to a service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import {
  CompanyPage,
  CompanyQuery,
  CompanyReport,
  ConfirmBody,
  ContractBody,
  ContractPage,
  ContractQuery,
  ContractView,
  CorrectionBody,
  CreditRuleView,
  DecideBody,
  FilingBody,
  ManagerBody,
  ManagerReport,
  ObjectionBody,
  PostingBody,
  ProfileBody,
  PublicCompany,
  PublicCompanyDetail,
  PublicCompanyQuery,
  QualificationBody,
  RecordBody,
  RecordPage,
  RecordQuery,
  RecordView,
} from '../../../contracts/industry.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as contracts from './industry.contracts.js';
import * as credit from './industry.credit.js';
import * as pub from './industry.public.js';
import * as industry from './industry.service.js';

const tags = ['industry'];
const Created = z.object({ id: z.string() });

export const industryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---- companies and managers ----
    app.get(
      '/api/v1/industry/companies',
      {
        schema: {
          tags,
          summary:
            'Property companies (head companies): credit code, branches, standing; a company sees its own',
          querystring: CompanyQuery,
          response: { 200: CompanyPage, ...errorResponses },
        },
      },
      async (req) => industry.listCompanies(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/industry/companies/:id',
      {
        schema: {
          tags,
          summary:
            'A company’s credit report: facts, branches, qualification history (资质, dated), managers, standing, records',
          params: IdParams,
          response: { 200: CompanyReport, ...errorResponses },
        },
      },
      async (req) => industry.companyReport(deps, requireActor(req), req.params.id),
    );
    app.put(
      '/api/v1/industry/companies/:id/profile',
      {
        schema: {
          tags,
          summary:
            'The company profile (统一社会信用代码 checked per GB 32100, address, legal representative): the district',
          params: IdParams,
          body: ProfileBody,
          response: { 200: CompanyReport, ...errorResponses },
        },
      },
      async (req) => industry.saveProfile(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/companies/:id/qualifications',
      {
        schema: {
          tags,
          summary:
            'Add a historical qualification grade (资质, abolished 2018) as a dated fact: the district',
          params: IdParams,
          body: QualificationBody,
          response: { 200: CompanyReport, ...errorResponses },
        },
      },
      async (req) => industry.addQualification(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/managers',
      {
        schema: {
          tags,
          summary:
            'Register a project manager (name, certificate, phone stored masked): the company or its district',
          body: ManagerBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => industry.registerManager(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/industry/managers/:id',
      {
        schema: {
          tags,
          summary:
            'A project manager’s credit report: facts (phone masked), postings history, standing, records',
          params: IdParams,
          response: { 200: ManagerReport, ...errorResponses },
        },
      },
      async (req) => industry.managerReport(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/api/v1/industry/managers/:id/postings',
      {
        schema: {
          tags,
          summary: 'Post the manager to a compound the company serves; the current posting ends that day',
          params: IdParams,
          body: PostingBody,
          response: { 200: ManagerReport, ...errorResponses },
        },
      },
      async (req) => industry.postManager(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    // ---- contracts ----
    app.get(
      '/api/v1/industry/contracts',
      {
        schema: {
          tags,
          summary:
            'Service contracts of the caller’s compounds with the filing state (《上海市住宅物业管理规定》第四十四条) and expiry within 90 days',
          querystring: ContractQuery,
          response: { 200: ContractPage, ...errorResponses },
        },
      },
      async (req) => contracts.listContracts(deps, requireActor(req), req.query),
    );
    app.patch(
      '/api/v1/industry/contracts/:id',
      {
        schema: {
          tags,
          summary:
            'Contract terms: kind (前期/regular), signing day, term, fee per m² per month; 409 when it changed',
          params: IdParams,
          body: ContractBody,
          response: { 200: ContractView, ...errorResponses },
        },
      },
      async (req) => contracts.editContract(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/contracts/:id/filing',
      {
        schema: {
          tags,
          summary: 'The district records the filing (备案); after the 30th day it shows as filed late',
          params: IdParams,
          body: FilingBody,
          response: { 200: ContractView, ...errorResponses },
        },
      },
      async (req) => contracts.fileContract(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    // ---- credit records ----
    app.get(
      '/api/v1/industry/credit-rules',
      {
        schema: {
          tags,
          summary:
            'The credit rule table (points, publication months, correction period) — data, marked unverified',
          response: { 200: z.object({ items: z.array(CreditRuleView) }), ...errorResponses },
        },
      },
      async (req) => credit.listRules(deps, requireActor(req)),
    );
    app.post(
      '/api/v1/industry/records',
      {
        schema: {
          tags,
          summary:
            'Enter a good or bad credit record (《上海市住宅物业管理规定》第三十八条) with evidence; the district confirms it',
          body: RecordBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => credit.enterRecord(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/industry/records',
      {
        schema: {
          tags,
          summary:
            'Credit records the caller may see, newest first (unpublished: the entering offices and the company)',
          querystring: RecordQuery,
          response: { 200: RecordPage, ...errorResponses },
        },
      },
      async (req) => credit.listRecords(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/industry/records/:id',
      {
        schema: {
          tags,
          summary: 'A credit record: facts, evidence, objection, corrections, the actions allowed now',
          params: IdParams,
          response: { 200: RecordView, ...errorResponses },
        },
      },
      async (req) => credit.getRecord(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/api/v1/industry/records/:id/confirm',
      {
        schema: {
          tags,
          summary: 'The record’s district confirms and publishes it; 409 when it changed',
          params: IdParams,
          body: ConfirmBody,
          response: { 200: RecordView, ...errorResponses },
        },
      },
      async (req) => credit.confirmRecord(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/records/:id/objection',
      {
        schema: {
          tags,
          summary: 'The company objects (异议) — once per record',
          params: IdParams,
          body: ObjectionBody,
          response: { 200: RecordView, ...errorResponses },
        },
      },
      async (req) => credit.objectToRecord(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/records/:id/objection/decision',
      {
        schema: {
          tags,
          summary:
            'The record’s district decides the objection with reasons (upheld: the record is withdrawn); one winner',
          params: IdParams,
          body: DecideBody,
          response: { 200: RecordView, ...errorResponses },
        },
      },
      async (req) => credit.decideObjection(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/records/:id/correction',
      {
        schema: {
          tags,
          summary:
            'The company applies for correction (修正) after rectification: minimum period, no new record of the type',
          params: IdParams,
          body: CorrectionBody,
          response: { 200: RecordView, ...errorResponses },
        },
      },
      async (req) => credit.applyCorrection(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/industry/records/:id/correction/decision',
      {
        schema: {
          tags,
          summary:
            'The district decides the correction (due within 5 working days); approved, it leaves publication',
          params: IdParams,
          body: DecideBody,
          response: { 200: RecordView, ...errorResponses },
        },
      },
      async (req) => credit.decideCorrection(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    // ---- public (no sign-in) ----
    const publicTags = ['public'];
    const rateLimit = { max: 60, timeWindow: '1 minute' };
    app.get(
      '/api/v1/public/industry/companies',
      {
        schema: {
          tags: publicTags,
          summary: 'Property companies with their standing and published records in force (no personal data)',
          security: [],
          querystring: PublicCompanyQuery,
          response: { 200: z.object({ items: z.array(PublicCompany) }), ...errorResponses },
        },
        config: { rateLimit },
      },
      async (req) => pub.publicCompanies(deps, req.query),
    );
    app.get(
      '/api/v1/public/industry/companies/:id',
      {
        schema: {
          tags: publicTags,
          summary: 'A company’s published credit records in force, in words',
          security: [],
          params: IdParams,
          response: { 200: PublicCompanyDetail, ...errorResponses },
        },
        config: { rateLimit },
      },
      async (req) => pub.publicCompany(deps, req.params.id),
    );
  };
