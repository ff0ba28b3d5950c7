-- Run by tests/neovim.rs inside headless Neovim (0.7 or later): attaches
-- `numcheck lsp` to two buffers with Neovim's own LSP client, reads the
-- diagnostics back through vim.diagnostic, applies the quick fix with
-- vim.lsp.util.apply_workspace_edit, and writes what it saw as JSON.

local binary = os.getenv('NUMCHECK')
local seed = os.getenv('SEED')
local draft = os.getenv('DRAFT')
local result_file = os.getenv('RESULT')
local result = { steps = {} }

local function finish(ok, why)
  result.ok = ok
  result.why = why
  local f = io.open(result_file, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(ok and 'qa!' or 'cquit!')
end

local function step(name)
  table.insert(result.steps, name)
end

local function diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out, {
      lnum = d.lnum,
      col = d.col,
      end_col = d.end_col,
      message = d.message,
      code = d.code or lsp.code,
      line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1],
    })
  end
  return out
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'numcheck',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.fnamemodify(seed, ':h'),
  })
  if not client_id then
    return finish(false, 'the client did not start')
  end
  step('started')

  vim.cmd('edit ' .. vim.fn.fnameescape(seed))
  local seed_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(seed_buf, client_id)
  if not vim.wait(60000, function() return #vim.diagnostic.get(seed_buf) > 0 end, 20) then
    return finish(false, 'no diagnostics on the seed')
  end
  result.seed = diagnostics(seed_buf)
  step('seed diagnostics')

  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    return finish(false, 'no diagnostics on the draft')
  end
  result.draft_before = diagnostics(buf)
  local d = vim.diagnostic.get(buf)[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local client = vim.lsp.get_client_by_id(client_id)
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000)
  local fix
  for _, answer in pairs(answers or {}) do
    for _, action in ipairs(answer.result or {}) do
      if action.isPreferred then
        fix = action
      end
    end
  end
  if not fix then
    return finish(false, 'no preferred code action')
  end
  result.fix_title = fix.title
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  step('fix applied')
  result.line_after = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
    result.draft_after = diagnostics(buf)
    return finish(false, 'the finding stayed after the fix')
  end
  step('diagnostics cleared')
  finish(true)
end)
if not ok then
  finish(false, tostring(err))
end
