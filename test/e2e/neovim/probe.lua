-- A second LSP client for Berth's server: headless neovim 0.7.2 (Debian 12).
-- Run: nvim --headless --clean -u probe.lua   (normally through run.mjs), configured by environment:
--   BERTH_PROBE_FILE        file to open (absolute path)                                   [required]
--   BERTH_PROBE_CMD         server command line as a JSON array, e.g. ["node","dist/server.js","--stdio"] [required]
--   BERTH_PROBE_OUT         where to write the JSON result                                 [required]
--   BERTH_PROBE_HOVER       "line:character" (0-based) to request a hover at; optional
--   BERTH_PROBE_FILETYPE    languageId to send (default: neovim's filetype detection)
--   BERTH_PROBE_ROOT        root folder (default: the file's folder)
--   BERTH_PROBE_TIMEOUT_MS  how long to wait for diagnostics (default 15000)
--   BERTH_PROBE_WAIT        "nonempty" (default): wait for a non-empty publish; "any": the first publish
--   BERTH_PROBE_CODE_ACTION diagnostic code: request textDocument/codeAction for the first published
--                           diagnostic with that code (its range, context.diagnostics = { it }); optional
--   BERTH_PROBE_APPLY       "1": apply the first returned action's edit to the buffer (as neovim's
--                           vim.lsp.buf.code_action would), then wait for the next diagnostics publish
-- The result: { ok, error?, serverInfo, version, diagnostics (raw LSP, 0-based), hover (raw LSP or null),
--               codeActions (raw LSP or null), textAfterFix, diagnosticsAfterFix,
--               timings = { initMs, diagnosticsMs, hoverMs, codeActionMs, fixMs } }.
-- Exits 0 when diagnostics arrived in time (and the hover, the code action and the republish, if asked,
-- were answered), else 1 (:cquit).
-- Uses only 0.7 APIs: vim.lsp.start_client / buf_attach_client (vim.lsp.start came in 0.8).

local env = os.getenv
local started = vim.loop.hrtime()
local function ms_since(t) return math.floor((vim.loop.hrtime() - t) / 1e6) end

local out_path = env('BERTH_PROBE_OUT')
local result = {
  ok = false, diagnostics = vim.NIL, hover = vim.NIL, codeActions = vim.NIL,
  textAfterFix = vim.NIL, diagnosticsAfterFix = vim.NIL, timings = vim.empty_dict(),
}

local function finish(ok, err)
  result.ok = ok
  if err then result.error = err end
  if out_path then vim.fn.writefile({ vim.json.encode(result) }, out_path) end
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop(true) end
  if ok then vim.cmd('qall!') else vim.cmd('cquit!') end
end

local ok_run, run_err = pcall(function()
  local file = assert(env('BERTH_PROBE_FILE'), 'BERTH_PROBE_FILE is not set')
  local cmd_json = assert(env('BERTH_PROBE_CMD'), 'BERTH_PROBE_CMD is not set')
  local cmd = vim.json.decode(cmd_json)
  assert(out_path, 'BERTH_PROBE_OUT is not set')
  local timeout = tonumber(env('BERTH_PROBE_TIMEOUT_MS') or '15000')
  local wait_any = env('BERTH_PROBE_WAIT') == 'any'
  file = vim.fn.fnamemodify(file, ':p')
  local root = env('BERTH_PROBE_ROOT') or vim.fn.fnamemodify(file, ':h')

  vim.cmd('filetype on') -- -u replaces the defaults that would turn it on after init
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if env('BERTH_PROBE_FILETYPE') then vim.bo[buf].filetype = env('BERTH_PROBE_FILETYPE') end

  local published -- the latest publishDiagnostics params for our file
  local publish_count = 0
  local initialized_at
  local exited
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']

  local client_id = vim.lsp.start_client({
    name = 'berth-probe',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        if params and vim.uri_to_fname(params.uri) == file then
          published = params
          publish_count = publish_count + 1
        end
        return default_publish(err, params, ctx, config)
      end,
      -- Empty settings for every section asked: the server must fall back to its defaults.
      ['workspace/configuration'] = function(_, params)
        local answer = {}
        for i = 1, #(params and params.items or {}) do answer[i] = vim.empty_dict() end
        return answer
      end,
    },
    on_init = function(_, initialize_result)
      initialized_at = vim.loop.hrtime()
      result.serverInfo = initialize_result and initialize_result.serverInfo or vim.NIL
    end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  assert(client_id, 'could not start the server: ' .. table.concat(cmd, ' '))
  assert(vim.lsp.buf_attach_client(buf, client_id), 'could not attach the server to the buffer')

  local arrived = vim.wait(timeout, function()
    if exited then return true end
    return published ~= nil and (wait_any or #published.diagnostics > 0)
  end, 10)
  if exited then error(string.format('server exited early (code %s, signal %s)', exited.code, exited.signal)) end
  if initialized_at then result.timings.initMs = math.floor((initialized_at - started) / 1e6) end
  if not arrived then
    if published then result.diagnostics = published.diagnostics end
    error(string.format('no %sdiagnostics for %s within %d ms', wait_any and '' or 'non-empty ', file, timeout))
  end
  result.diagnostics = published.diagnostics
  result.version = published.version or vim.NIL
  result.timings.diagnosticsMs = ms_since(started)

  local hover_at = env('BERTH_PROBE_HOVER')
  if hover_at and hover_at ~= '' then
    local line, character = hover_at:match('^(%d+):(%d+)$')
    assert(line, 'BERTH_PROBE_HOVER must be "line:character", got ' .. hover_at)
    local t = vim.loop.hrtime()
    local responses, herr = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = tonumber(line), character = tonumber(character) },
    }, 5000)
    result.timings.hoverMs = ms_since(t)
    if not responses then error('hover request failed: ' .. tostring(herr)) end
    local response = responses[client_id]
    if not response then error('hover: no answer from the server within 5000 ms') end
    if response.err then error('hover error: ' .. vim.inspect(response.err)) end
    result.hover = response.result or vim.NIL
  end

  local action_code = env('BERTH_PROBE_CODE_ACTION')
  if action_code and action_code ~= '' then
    local target
    for _, d in ipairs(result.diagnostics) do
      local code = type(d.code) == 'table' and d.code.value or d.code
      if tostring(code) == action_code then target = d break end
    end
    assert(target, 'code action: no published diagnostic with code ' .. action_code)
    local t = vim.loop.hrtime()
    local responses, aerr = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = target.range,
      context = { diagnostics = { target } },
    }, 5000)
    result.timings.codeActionMs = ms_since(t)
    if not responses then error('code action request failed: ' .. tostring(aerr)) end
    local response = responses[client_id]
    if not response then error('code action: no answer from the server within 5000 ms') end
    if response.err then error('code action error: ' .. vim.inspect(response.err)) end
    result.codeActions = response.result or vim.NIL

    if env('BERTH_PROBE_APPLY') == '1' then
      local action = type(response.result) == 'table' and response.result[1] or nil
      assert(action and action.edit, 'code action: the first action has no edit to apply')
      local client = vim.lsp.get_client_by_id(client_id)
      local before = publish_count
      t = vim.loop.hrtime()
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      result.textAfterFix = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      -- The edit changes the buffer and neovim sends didChange; wait for the publish for the new version
      -- (an older publish still in flight must not count).
      local version = vim.lsp.util.buf_versions[buf]
      local republished = vim.wait(timeout, function()
        return exited or (publish_count > before and published.version == version)
      end, 10)
      if exited then error('server exited after the fix') end
      if not republished then error(string.format('no diagnostics published within %d ms after the fix', timeout)) end
      result.diagnosticsAfterFix = published.diagnostics
      result.timings.fixMs = ms_since(t)
    end
  end
end)

if ok_run then finish(true) else finish(false, tostring(run_err)) end
