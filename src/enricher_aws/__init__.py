"""AWS edge of article-enricher: S3 object store, output key naming, record writer,
EventBridge publisher and the backfill driver.

Shared by the Lambda function (functions/enrich, which ships a copy of this package) and
`enricher backfill`. Needs boto3 (`pip install 'article-enricher[lambda]'`); the core
package `enricher` never imports this one.
"""
