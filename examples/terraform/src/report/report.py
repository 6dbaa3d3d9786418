def handler(event, context):
    return {"rows": 0}
