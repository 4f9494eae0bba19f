"""The Excel import screen: template, upload, a dry run with progress and every row's errors,
then one all-or-nothing commit. Jobs are the uploader's own; anyone else gets 404."""
from __future__ import annotations

from flask import abort, flash, jsonify, redirect, request, send_file, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..imports import jobs
from ..imports.specs import SPECS, ImportSpec, spec_for
from ..imports.workbook import FileRefused, error_rows, template
from ..models import ImportJob, Organization, User
from ..plugins.extension import candidate_extensions
from ..plugins.loader import plugins
from ..reports.excel import XLSX_MIMETYPE
from ..security import has_permission, scoped
from ..security.permissions import CREATE, EDIT, sees_all_units
from .base import MAX_ID, ScreenView

SHOWN_ERRORS = 500
COMMIT_SECONDS = 10  # work per request while importing, far below any proxy's timeout
TEMPLATE_UNITS = 5000


def allowed_kinds(user) -> list[str]:
    """What ``user`` may import: importing creates and updates records, so both permissions
    are needed."""
    return [kind for kind in SPECS
            if has_permission(user, CREATE, kind) and has_permission(user, EDIT, kind)]


def allowed_specs(user) -> list[ImportSpec]:
    """The imports of ``allowed_kinds``; a sector user's candidates carry the sector's
    enabled fields."""
    registry = plugins()
    extensions = [e for e in candidate_extensions(registry) if e.plugin in registry.enabled()]
    sector = getattr(getattr(user, "organization", None), "sector", None)
    return [spec_for(kind, sector, extensions) for kind in allowed_kinds(user)]


class ImportView(ScreenView):
    def is_accessible(self) -> bool:
        """Asked by the menu on every page: the kinds alone, without building their columns
        (which asks every plugin for its fields)."""
        return bool(allowed_kinds(current_user))

    def _spec(self, kind: str, user=None) -> ImportSpec:
        """The import for ``user`` (the one who uploaded a job: its file has their columns)."""
        spec = next((s for s in allowed_specs(user or current_user) if s.kind == kind), None)
        if spec is None:
            abort(404)
        return spec

    def _job(self, job_id: int) -> tuple[ImportSpec, ImportJob]:
        job = db.session.get(ImportJob, job_id) if job_id <= MAX_ID else None
        if job is None or (job.user_id != current_user.id and not sees_all_units(current_user)):
            abort(404)
        return self._spec(job.kind, db.session.get(User, job.user_id)), job

    @expose("/")
    def index(self):
        recent = db.session.scalars(select(ImportJob).where(ImportJob.user_id == current_user.id)
                                    .order_by(ImportJob.id.desc()).limit(20))
        return self.render("devparty/imports.html", specs=allowed_specs(current_user),
                           recent=list(recent))

    @expose("/template/<kind>.xlsx")
    def download_template(self, kind: str):
        spec = self._spec(kind)
        units = db.session.execute(scoped(
            select(Organization.code, Organization.name).where(Organization.code.is_not(None))
            .order_by(Organization.path).limit(TEMPLATE_UNITS), Organization, current_user)).all()
        return send_file(template(spec, units), mimetype=XLSX_MIMETYPE, as_attachment=True,
                         download_name=f"mau_nhap_{kind}.xlsx")

    @expose("/upload/<kind>", methods=["POST"])
    def upload(self, kind: str):
        spec = self._spec(kind)
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            flash(_("Choose an Excel file to upload."), "error")
            return redirect(url_for(".index"))
        try:
            job = jobs.start(spec, current_user, upload.filename, upload.read())
        except FileRefused as error:
            db.session.rollback()
            flash(_("%(file)s: %(reason)s Nothing was imported.", file=upload.filename,
                    reason=str(error)), "error")
            return redirect(url_for(".index"))
        return redirect(url_for(".job", job_id=job.id))

    @expose("/job/<int:job_id>")
    def job(self, job_id: int):
        spec, job = self._job(job_id)
        return self.render("devparty/import_job.html", spec=spec, job=job,
                           errors=jobs.error_list(job, SHOWN_ERRORS), shown=SHOWN_ERRORS)

    @expose("/job/<int:job_id>/check", methods=["POST"])
    def check(self, job_id: int):
        """One step of the dry run; the page's script repeats it and moves the progress bar."""
        spec, job = self._job(job_id)
        jobs.check_step(spec, job, current_user)
        if request.accept_mimetypes.best == "application/json":
            return jsonify(checked=job.checked, total=job.total, done=job.status != "pending")
        return redirect(url_for(".job", job_id=job.id))

    @expose("/job/<int:job_id>/commit", methods=["POST"])
    def commit(self, job_id: int):
        """Import (a step of) the job; the page's script repeats it while the bar moves."""
        spec, job = self._job(job_id)
        wants_json = request.accept_mimetypes.best == "application/json"
        try:
            done = jobs.commit(spec, job, current_user, seconds=COMMIT_SECONDS)
        except jobs.CommitRefused as error:
            flash(str(error), "error")
            return (jsonify(done=True) if wants_json
                    else redirect(url_for(".job", job_id=job_id)))
        if done:
            flash(_("Imported: %(creates)s created, %(updates)s updated.", creates=job.creates,
                    updates=job.updates), "success")
        if wants_json:
            return jsonify(checked=job.prepared, total=job.total, done=done)
        return redirect(url_for(".job", job_id=job_id))

    @expose("/job/<int:job_id>/errors.xlsx")
    def errors(self, job_id: int):
        spec, job = self._job(job_id)
        return send_file(error_rows(spec, jobs.error_list(job)), mimetype=XLSX_MIMETYPE,
                         as_attachment=True, download_name=f"loi_nhap_{job.id}.xlsx")
