# nnsine for a classroom: one offline server on the teacher's machine, 30+ browsers.
#   docker build -t nnsine .
#   docker run --rm -p 8501:8501 nnsine        # then open http://localhost:8501
#   docker run --rm -v "$PWD":/data -w /data nnsine python -m nnsine score *.json
# bookworm: the Debian release CI's stand-in for this image is made from.
FROM python:3.11-slim-bookworm

# No .pyc written (the code is read-only at run time anyway), unbuffered logs, quiet pip.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# A fixed uid, so a teacher can chown a mounted folder to it if ever needed.
RUN useradd --uid 10001 --user-group --create-home --shell /usr/sbin/nologin nnsine
# The live class board's SQLite file, on a volume (a new container keeps the classes):
#   docker run -v nnsine-data:/var/lib/nnsine ...; several replicas: NNSINE_DATABASE_URL=
#   postgresql+psycopg://user:password@host/db instead.
RUN mkdir -p /var/lib/nnsine && chown nnsine:nnsine /var/lib/nnsine
ENV NNSINE_DATABASE_URL=sqlite:////var/lib/nnsine/class.db
# The container's own address is no use to a phone: the board asks for NNSINE_PUBLIC_URL
# (docker run -e NNSINE_PUBLIC_URL=http://TEACHER-IP:8501 ...) instead of showing it.
ENV NNSINE_CONTAINER=1
VOLUME /var/lib/nnsine

# A CJK font, so an exported chart in Chinese shows its glyphs (nnsine/plots/fonts.py finds
# it through matplotlib): Debian's fonts-wqy-microhei, about 5 MB. Before pip, so the font
# is there when matplotlib first builds its font list.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt /tmp/requirements.txt
# One layer, so what is cut is really gone: no .pyc (about 80 MB; a start costs ~1 s more),
# no test suites, C headers or Jupyter extensions, and pyarrow's Flight and S3 libraries
# (about 50 MB; streamlit uses neither). The last line proves what streamlit needs still loads.
RUN pip install --no-cache-dir --no-compile -r /tmp/requirements.txt \
    && rm -f /tmp/requirements.txt \
    && site=$(python -c "import sysconfig; print(sysconfig.get_path('purelib'))") \
    && find "$site" -depth -type d \( -name tests -o -name __pycache__ \) -exec rm -rf {} + \
    && rm -rf "$site/pyarrow/include" "$site/pyarrow/src" \
              "$site/pyarrow/"*flight* "$site/pyarrow/"*s3* \
              "$site/pydeck/nbextension" "$site/plotly/labextension" \
    && python -c "import icu, pandas, streamlit.dataframe_util as d, nnfs, plotly.graph_objects; \
d.convert_pandas_df_to_arrow_bytes(pandas.DataFrame({'x': [1.0]}))"

WORKDIR /app
# Only what runs (and its license); owned by root so the app's user cannot change it.
COPY pyproject.toml LICENSE NOTICE app.py ./
COPY .streamlit/config.toml .streamlit/
COPY nnsine/ nnsine/
COPY pages/ pages/
COPY ui/ ui/
# An editable install only so `python -m nnsine` works from any directory (-w /data); the
# app itself needs nothing but requirements.txt (ui/tuner/tuner_assets.py).
RUN pip install --no-cache-dir --no-compile --no-deps -e . \
    && rm -rf build \
    && python -c "from nnsine.plots.fonts import cjk_font; assert cjk_font(), 'no CJK font'"

USER nnsine
EXPOSE 8501
# Python, not curl: the slim image has no curl. The script health check runs app.py, so
# it proves the app works, not only that the server answers.
HEALTHCHECK --interval=10s --timeout=20s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/script-health-check', timeout=19)"]
# Exec form: streamlit is PID 1 and gets SIGTERM itself; any other command replaces it.
# 0.0.0.0 so a published port reaches it; browser.serverAddress set so the start-up
# banner does not look the machine's external IP up on the internet (offline classroom).
CMD ["python", "-m", "streamlit", "run", "app.py", \
     "--server.address=0.0.0.0", "--server.port=8501", "--browser.serverAddress=localhost"]
